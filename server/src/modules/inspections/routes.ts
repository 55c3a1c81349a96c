import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

export function inspectionRoutes(app: App, s: Services) {
  void app;
  void s;
}
