import type { EpidemicQaBody, QaTopic } from '@shijian/contracts';
import type { Services } from '../modules/index.js';
import { addDays } from '../platform/calendar/working-days.js';

type Actor = Awaited<ReturnType<Services['auth']['actorFor']>>;

/**
 * The portal's typical cases and epidemic-goods Q&A. Three decided demo cases are written up for
 * the public (the 锦江 price case, the 2022 fake testing report, the Fujian protective suits);
 * 康宁's decided case is left for a user to publish. Eleven answers on masks, protective clothing,
 * thermometers, disinfectants and prices, one of them still a draft.
 */
export async function seedPublicity(services: Services, log: (line: string) => void) {
  const as = (username: string) => services.auth.actorFor(username, { ip: '127.0.0.1', userAgent: 'seed-demo' });
  const today = services.deps.calendar.today();
  const decidedCase = async (actor: Actor, decisionNo: (no: string) => boolean) => {
    const page = await services.cases.list(actor, { page: 1, pageSize: 100, order: 'desc', sort: 'leadOn' });
    const found = page.items.find((c) => c.decisionNo !== null && decisionNo(c.decisionNo));
    if (!found) throw new Error('demo: decided case not found');
    return found;
  };
  const yuan = (amount: string) => `${Number(amount).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;

  // 1. 锦江区局's price case: masks sold at a markup far above the one before the epidemic.
  const jj = await as('jj.officer');
  const price = await decidedCase(jj, (no) => no.startsWith('锦市监处罚'));
  await services.publicity.cases.publish(jj, {
    caseId: price.id,
    title: '锦江区某药店疫情期间哄抬口罩价格案',
    summary:
      '成都市锦江区市场监管局接到消费者投诉后，对辖区一家药店开展价格检查。经查，当事人在疫情防控期间购进一次性使用医用口罩，大幅提高进销差价率后对外销售，进销差价率明显高于疫情发生前同品种商品的进销差价率。\n\n执法人员调取了当事人的进货单据、销售记录和收银流水，对照疫情发生前的交易记录核定了违法所得。',
    violation: '在疫情防控期间大幅提高口罩的进销差价率销售，推动价格过快、过高上涨，属于哄抬价格行为。',
    legalBasis:
      '《中华人民共和国价格法》第十四条第（三）项、第四十条；《价格违法行为行政处罚规定》第六条；《市场监管总局关于新型冠状病毒感染肺炎疫情防控期间查处哄抬价格违法行为的指导意见》（国市监竞争〔2020〕21号）。',
    penalty: `依据${price.decisionNo}，没收违法所得${yuan(price.confiscationYuan)}，并处罚款${yuan(price.fineYuan)}。罚没款已缴清。`,
    publishedOn: addDays(today, -2) < price.decidedOn! ? price.decidedOn! : addDays(today, -2),
  });

  // 2. The 2022 clean-up: a testing institution's report issued without a test, published by the province.
  const scLeader = await as('sc.leader');
  const fake = await decidedCase(scLeader, (no) => no.startsWith('锦市监检处'));
  await services.publicity.cases.publish(scLeader, {
    caseId: fake.id,
    title: '某检验检测机构未经检验出具口罩检验报告案',
    summary:
      '2022年5月，四川省市场监管局在检验检测市场专项整治行动中对一家检验检测机构开展监督检查，抽查其出具的口罩检验报告60份。检查发现，1份报告没有任何原始记录，样品未经检验即出具了报告；另有2份报告所用的颗粒物过滤效率测试仪检定已过期。案件线索移交机构所在地的成都市锦江区市场监管局立案查处。',
    violation:
      '未经检验检测即出具检验检测报告，属于出具虚假检验检测报告；使用检定已过期的仪器设备出具报告，且结果无法复核，属于出具不实检验检测报告。',
    legalBasis: '《检验检测机构监督管理办法》（市场监管总局令第39号）第十三条第（二）项、第十四条第（一）项、第二十六条。',
    penalty: `依据${fake.decisionNo}，责令改正，处罚款${yuan(fake.fineYuan)}，没收违法所得${yuan(fake.confiscationYuan)}；当事人被列入严重违法失信名单，并通过国家企业信用信息公示系统公示。`,
    publishedOn: '2022-08-05',
  });

  // 3. Fujian: nonconforming medical protective suits, published by 福州市局.
  const fz = await as('fz.officer');
  const suits = await decidedCase(fz, (no) => no.startsWith('榕市监处罚'));
  await services.publicity.cases.publish(fz, {
    caseId: suits.id,
    title: '福州某卫材公司生产销售不合格医用防护服案',
    summary:
      '2024年8月，福州市市场监管局在监督抽查中发现，一家卫材公司生产的一批医用一次性防护服经检验，抗渗水性不符合GB 19082-2009《医用一次性防护服技术要求》的规定，判定为不合格。执法人员依法查封了库存产品，并追查已售出产品的流向。',
    violation: '生产、销售不符合保障人体健康和人身安全的国家标准的产品。',
    legalBasis: '《中华人民共和国产品质量法》第十三条、第二十六条、第四十九条。',
    penalty: `依据${suits.decisionNo}，责令停止生产、销售，没收不合格防护服，并处货值金额二倍罚款${yuan(suits.fineYuan)}；当事人被列入严重违法失信名单。`,
    publishedOn: '2024-12-10',
  });

  // The Q&A: the national bureau's answers are nationwide; Sichuan and Chengdu add their own.
  const samr = await as('samr.officer');
  const sc = await as('sc.admin');
  const cd = await as('cd.officer');
  const entries: [Actor, QaTopic, number, string, string, boolean][] = [
    [
      samr,
      'mask',
      10,
      '一次性使用医用口罩、医用外科口罩和医用防护口罩有什么区别？',
      '三种医用口罩执行不同的标准，防护等级依次提高：\n\n一次性使用医用口罩执行YY/T 0969-2013，细菌过滤效率不低于95%，适用于普通医疗环境中的一般防护。\n\n医用外科口罩执行YY 0469-2011，细菌过滤效率（BFE）不低于95%、颗粒过滤效率（PFE）不低于30%，并能阻隔血液、体液飞溅（合成血液穿透试验），适用于临床医务人员在有创操作等过程中佩戴。\n\n医用防护口罩执行GB 19083-2010，对非油性颗粒物的过滤效率分为1级（≥95%）、2级（≥99%）、3级（≥99.97%），并有合成血液穿透、表面抗湿性等要求，适用于接触经空气传播的呼吸道传染病患者时佩戴。\n\n公众在日常生活和工作中佩戴一次性使用医用口罩或医用外科口罩即可，不必追求高防护等级。',
      true,
    ],
    [
      samr,
      'mask',
      20,
      'KN95口罩执行什么标准？和医用防护口罩一样吗？',
      'KN95是GB 2626-2019《呼吸防护 自吸过滤式防颗粒物呼吸器》中的一个级别（该标准自2020年7月1日起实施，代替GB 2626-2006）。“KN”表示适用于过滤非油性颗粒物，“95”表示过滤效率不低于95%；KP类则可过滤油性和非油性颗粒物。\n\nKN95口罩属于劳动防护用品，标准中没有阻隔血液飞溅的要求，不能替代医用防护口罩在医疗机构中使用。带呼气阀的口罩不能阻止佩戴者呼出的飞沫，呼吸道感染者和医疗场所不应使用。\n\n合格产品的包装上应标注执行标准号GB 2626-2019、类别和级别（如KN95）、生产者名称和地址、生产日期或批号、有效期等。',
      true,
    ],
    [
      cd,
      'mask',
      30,
      '怎样辨别买到的口罩是不是合格产品？',
      '一看标识：合格口罩的包装上有产品名称、执行标准号、生产企业名称和地址、生产日期或批号、有效期；医用口罩属于第二类医疗器械，还应标注医疗器械注册证编号，可在国家药品监督管理局网站查询注册信息是否真实、与产品是否一致。\n\n二看渠道：到正规药店、商场或平台旗舰店购买，索要并保留购物凭证，不要购买来源不明、散装无标识的口罩。\n\n三看报告：企业或经营者出示检验报告的，可以在本平台“报告查验”栏目输入报告编号和校验码核验真伪，在“检验检测机构名录”中查看出具报告的机构资质是否在有效期内。\n\n发现假冒伪劣口罩，请拨打12315或通过本平台“投诉举报”反映。',
      true,
    ],
    [
      cd,
      'mask',
      35,
      '口罩可以重复使用吗？多长时间需要更换？',
      '一次性使用医用口罩和医用外科口罩均为限次使用，按照《公众科学戴口罩指引》，口罩出现脏污、变形、损坏、异味时应及时更换，每个口罩累计佩戴时间不超过8小时。\n\n不要用酒精喷洒、水洗或高温蒸煮口罩，这会破坏熔喷层的静电吸附作用，使过滤效率明显下降。',
      false,
    ],
    [
      samr,
      'protective_suit',
      40,
      '医用一次性防护服执行什么标准？普通人需要穿吗？',
      '医用一次性防护服执行GB 19082-2009《医用一次性防护服技术要求》，主要指标包括：关键部位静水压不低于1.67 kPa（抗渗水性）、透湿量不小于2500 g/(m²·d)、抗合成血液穿透性、表面抗湿性、断裂强力，以及关键部位材料对非油性颗粒物的过滤效率不小于70%等。医用防护服属于第二类医疗器械，应取得医疗器械注册证。\n\n医用防护服供医务人员在接触传染病患者时使用，公众日常生活中不需要穿着。劳动防护用的隔离服、化学防护服等执行的是其他标准，不能替代医用防护服用于医疗机构。',
      true,
    ],
    [
      sc,
      'thermometer',
      50,
      '单位门口用的额温枪需要检定吗？',
      '用于医疗卫生、公共场所体温筛查的体温计属于《实施强制管理的计量器具目录》中实施强制检定的计量器具，使用单位应当登记造册，向当地市场监管部门指定的计量技术机构申请周期检定；未经检定、超过检定周期或检定不合格的，不得使用。\n\n医用电子体温计按JJG 1162-2019《医用电子体温计》检定，测量人体温度的红外温度计可按JJF 1107-2003校准。检定合格的，出具检定证书并注明有效期；不合格的，出具检定结果通知书。\n\n疫情防控期间，四川省计量测试研究院等机构对防疫用体温计开辟绿色通道，免费检定并可上门服务，可在本平台“技术服务目录”中查询和预约。',
      true,
    ],
    [
      sc,
      'thermometer',
      60,
      '额温枪测出来体温偏低或忽高忽低，是产品有问题吗？',
      '不一定。红外额温计测量的是额头表面温度，受环境影响较大：从寒冷的室外进入室内、额头有汗水或刚擦过酒精、测量距离过远，都会使读数偏低或不稳定。\n\n建议在室内待几分钟后再测，按说明书保持规定的测量距离；对筛查中发现体温异常的人员，应当用医用电子体温计或玻璃体温计复测确认。\n\n如果同一环境下反复测量偏差明显，或已超过检定有效期，应送计量技术机构检定。家庭自用的体温计不属于强制检定范围，可与另一支合格体温计比对使用。',
      true,
    ],
    [
      sc,
      'disinfectant',
      70,
      '酒精和84消毒液能一起用吗？家庭消毒应注意什么？',
      '不能混用。75%的乙醇（医用酒精）主要用于手、皮肤和小件物品表面消毒；含氯消毒剂（如84消毒液）按说明书稀释后用于物体表面和地面消毒。两者混合会发生反应，可能生成有毒的氯代物；84消毒液与洁厕灵等酸性清洁剂混合会释放氯气，同样危险。\n\n酒精易燃，不要在室内大面积喷洒，使用时远离明火和电源，存放在阴凉处并盖紧。含氯消毒剂有腐蚀性和刺激性，配制和使用时佩戴手套，保持通风。\n\n购买时查看标签：消毒剂应标注有效成分及含量、使用范围和方法，以及生产企业卫生许可证号（“卫消证字”）。抗（抑）菌制剂不能代替消毒剂用于消毒。',
      true,
    ],
    [
      samr,
      'price',
      80,
      '疫情期间口罩、消毒液涨价，怎样算哄抬价格？',
      '《中华人民共和国价格法》第十四条禁止经营者捏造、散布涨价信息，哄抬价格，推动商品价格过高上涨。\n\n疫情防控期间，市场监管总局发布《关于新型冠状病毒感染肺炎疫情防控期间查处哄抬价格违法行为的指导意见》（国市监竞争〔2020〕21号），明确了认定哄抬价格的情形，例如：捏造、散布防疫用品和民生商品涨价、供应紧张等信息；生产成本没有明显增加而大幅度提高出厂价格；经营者销售同品种商品，超过2020年1月19日前最后一次交易的进销差价率等。\n\n依据《价格违法行为行政处罚规定》第六条，哄抬价格的，责令改正，没收违法所得，并处违法所得5倍以下的罚款；没有违法所得的，处5万元以上50万元以下的罚款，情节较重的处50万元以上300万元以下的罚款；情节严重的，责令停业整顿或者吊销营业执照。',
      true,
    ],
    [
      cd,
      'price',
      90,
      '发现哄抬防疫用品价格或销售假冒伪劣口罩，怎么举报？',
      '可以拨打12315热线，或通过全国12315平台、本平台的“投诉举报”栏目提交。提交后会得到受理编号和查询码，凭此可随时查看办理进度。\n\n请尽量保留证据：购物小票或发票、商品包装和标签、价签照片、网店页面截图、聊天记录等，并写明经营者名称、地址和购买时间。\n\n市场监管部门对投诉在7个工作日内作出是否受理的决定；举报查证属实、符合《市场监督管理领域重大违法行为举报奖励暂行办法》规定的，按规定给予奖励。',
      true,
    ],
    [
      samr,
      'other',
      100,
      '检验报告上的CMA标志是什么意思？怎样核验报告？',
      'CMA是检验检测机构资质认定标志。向社会出具具有证明作用的数据、结果的检验检测机构，应当依法取得资质认定，并只能在资质认定证书附表列明的能力范围内出具带CMA标志的报告。CNAS是实验室认可标志，属于自愿申请。\n\n核验方法：在本平台“检验检测机构名录”中查看机构的资质认定证书编号和有效期；在“报告查验”栏目输入报告编号和校验码，或扫描报告上的二维码，确认报告真实有效、是否已被更正替代。\n\n发现出具不实或虚假检验检测报告的，可以通过“投诉举报”向市场监管部门反映。',
      true,
    ],
  ];
  let published = 0;
  for (const [author, topic, sortOrder, question, answer, publish] of entries) {
    const body: EpidemicQaBody = { question, answer, topic, sortOrder };
    const created = await services.publicity.qa.create(author, body);
    if (publish) {
      await services.publicity.qa.setPublished(author, created.id, true);
      published += 1;
    }
  }
  log(`门户发布：典型案例 3 件，防疫用品问答 ${entries.length} 条（已发布 ${published} 条）`);
}
