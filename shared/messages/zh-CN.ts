/**
 * Words for what core reports (validation and domain errors, field names). The renderer merges
 * these into its i18n messages; core uses them for the zh-CN `message` of an error and for reports.
 * Interpolation uses vue-i18n's `{name}` syntax.
 */
export const zhCN = {
  fields: {
    name: '姓名', cardNo: '会员证号', gender: '性别', birthDate: '出生日期', ethnicity: '民族',
    idNumber: '身份证号码', mobile: '手机号码', education: '文化程度', politicalStatus: '政治面貌',
    nativePlace: '籍贯', departmentId: '部门', post: '岗位', title: '职称', employeeNo: '工号',
    joinDate: '入会日期', wageBaseFen: '缴费工资基数', migrantWorker: '农民工', status: '状态',
    kind: '变动类型', eventDate: '变动日期', counterpart: '对方单位', note: '备注', query: '搜索内容',
    unionName: '工会名称', unitName: '单位名称', statCode: '统计代码', uscc: '统一社会信用代码',
    divisionCode: '行政区划代码', unitCategory: '单位性质类别', industry: '所属行业', foundedOn: '工会成立日期',
    committeeTerm: '本届委员会', staffCount: '职工人数', womenStaffCount: '女职工人数',
    fullTimeUnionStaff: '专职工会干部', partTimeUnionStaff: '兼职工会干部',
    legalRepresentative: '法定代表人', chairName: '工会主席', id: '编号',
  },
  errors: {
    required: '{field}不能为空，请填写',
    tooLong: '{field}太长了，请精简后再保存',
    invalidDate: '{field}不是有效日期，请按 2026-11-27 的格式填写',
    invalidOption: '{field}的选项无效，请从列表中选择',
    invalidNumber: '{field}应为不小于 0 的整数',
    invalid: '{field}填写有误，请核对',
    'idNumber.length': '身份证号码应为 18 位，请核对位数',
    'idNumber.format': '身份证号码只能由数字和末位 X 组成',
    'idNumber.birthDate': '身份证号码中的出生日期不存在，请核对第 7–14 位',
    'idNumber.checksum': '身份证号码校验位错误，应为 {expected}，请核对后重新输入',
    'mobile.format': '手机号码应为以 1 开头的 11 位数字（或带区号的固定电话）',
    'uscc.length': '统一社会信用代码应为 18 位',
    'uscc.format': '统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）',
    'uscc.checksum': '统一社会信用代码校验位错误，应为 {expected}，请核对',
    'divisionCode.format': '行政区划代码应为 6 位数字，例如 630102',
    womenExceedStaff: '女职工人数不能多于职工人数',
    'duplicate.idNumber': '身份证号码与已登记的会员“{other}”重复，同一人只能登记一次',
    'duplicate.employeeNo': '工号与已登记的会员“{other}”重复',
    'duplicate.department': '已有名为“{name}”的部门',
    'status.notAllowed': '当前状态为“{from}”，不能办理“{kind}”',
    'status.counterpartRequired': '办理“{kind}”需要填写对方单位',
    'status.dateBeforeJoin': '变动日期不能早于入会日期 {joinDate}',
    'status.futureDate': '变动日期不能晚于今天',
    notFound: '要找的记录不存在，可能已被修改，请刷新后重试',
    'profile.missing': '请先填写工会基本信息',
    databaseTooNew: '数据文件由更新版本的工会工作台创建（版本 {found}，本程序支持到 {supported}），请先升级程序；数据未作任何改动',
    internal: '操作没有完成，数据未作改动。请重试；如仍失败，请联系技术支持',
    unknownChannel: '程序内部请求无效，请重启程序',
  },
  statuses: { active: '在册', transferredOut: '已转出', retained: '保留会籍', exited: '已退会', deceased: '已去世' },
  changeKinds: {
    join: '入会', edit: '修改信息', transferOut: '转出', transferIn: '转入', retain: '保留会籍',
    reinstate: '恢复会籍', exit: '退会', death: '去世',
  },
} as const

export type MessageCatalogue = typeof zhCN
