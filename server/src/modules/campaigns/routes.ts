import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

export function campaignRoutes(app: App, s: Services) {
  void app;
  void s;
}
