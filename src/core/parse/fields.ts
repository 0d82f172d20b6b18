/**
 * The columns Tierwise understands, per tab, with the header texts it recognises
 * (DESIGN §3). Matching ignores case, spaces, `_`/`-` and full-/half-width forms, so
 * only genuinely different words are listed. Users map any other header in settings.
 */
export const customerFields = {
  // `Customer User` is WooCommerce's account id, `买家会员名` the buyer's 淘宝/天猫 login: unique per customer (see the exports page in docs/).
  id: ['Customer ID', 'ID', 'Customer No', 'Customer Number', 'Account ID', 'Client ID', 'Customer User', '客户编号', '客户ID', '客户代码', '客戶編號', '客戶ID', '买家会员名', '买家ID'],
  name: ['Name', 'Customer Name', 'Company', 'Company Name', 'Account Name', 'Client', '客户名称', '客户', '公司名称', '客戶名稱', '客戶', '公司名稱'],
  email: ['Email', 'E-mail', 'Email Address', 'Mail', 'Customer Email', 'Billing Email', '邮箱', '电子邮件', '郵箱', '電郵', '電子郵件'],
  phone: ['Phone', 'Telephone', 'Tel', 'Mobile', 'Billing Phone', 'Customer Phone', '电话', '手机', '联系电话', '手机号', '联系手机', '收货人手机号', '买家手机号', '電話', '手機'],
  region: ['Region', 'Territory', 'Area', 'Country', 'Billing Country', 'Shipping Country', '区域', '地区', '大区', '国家', '省份', '區域', '地區', '國家'],
  industry: ['Industry', 'Sector', 'Vertical', '行业', '行業'],
  owner: ['Owner', 'Rep', 'Sales Rep', 'Account Owner', 'Salesperson', 'Opportunity Owner', 'Deal Owner', '负责人', '销售', '跟进人', '負責人', '銷售'],
  lastActivity: ['Last Activity', 'Last Contact', 'Last Activity Date', 'Last Contacted', '最近跟进时间', '最后跟进时间', '最近联系时间', '最後跟進時間', '最近跟進時間'],
  historicalRevenue: ['Historical Revenue', 'Revenue', 'Total Revenue', 'Lifetime Revenue', '历史成交额', '累计成交额', '歷史成交額', '累計成交額'],
  potential: ['Potential', 'Growth Potential', '未来潜力', '潜力', '成长潜力', '潛力', '未來潛力'],
  yearsAsCustomer: ['Years as Customer', 'Customer Years', 'Tenure', 'Tenure Years', '合作年限', '合作年數'],
  firstDealDate: ['First Deal Date', 'Customer Since', 'First Purchase Date', '首次成交日期', '首次合作日期'],
  renewalRate: ['Renewal Rate', 'Retention Rate', '续签率', '续约率', '續約率', '續簽率'],
  strategic: ['Strategic', 'Strategic Value', 'Strategic Importance', '战略意义', '战略价值', '戰略價值', '戰略意義'],
  serviceCost: ['Service Cost', 'Cost to Serve', '服务成本', '服務成本'],
  paymentDays: ['Payment Days', 'Days to Pay', 'DSO', '回款天数', '回款周期', '回款天數'],
  overdueAmount: ['Overdue Amount', 'Overdue', 'Past Due', '逾期金额', '逾期金額'],
  status: ['Status', 'Customer Status', '状态', '客户状态', '狀態'],
} as const;

/**
 * The Deals columns. Besides the customer id, a deal may name its customer by e-mail,
 * phone or name: the key falls back to them in that order where the id is missing (issue
 * 10 item 6). Plain `Name` is not a customer name here: Shopify writes the order number
 * under it (export-shapes.ts). The headers each export writes are listed on the exports page in docs/.
 */
export const dealFields = {
  dealId: ['Deal ID', 'Order ID', 'Opportunity ID', 'Deal No', 'Order No', 'Order Number', 'InvoiceNo', 'Invoice', 'Invoice Number', 'Invoice ID', 'Record ID', '订单编号', '订单号', '商机编号', '訂單編號'],
  customerId: customerFields.id,
  amount: ['Amount', 'Revenue', 'Value', 'Deal Value', 'Order Value', 'Deal Amount', 'Order Amount', 'Sales Amount', 'Dollar Value', 'Total', 'Order Total', 'Grand Total',
    '金额', '金額', '成交金额', '订单金额', '成交金額', '实付金额', '买家实际支付金额', '实收金额'],
  // `Created at` (Shopify) is when the order was placed; its `Paid at` is blank for unpaid orders, so it is not listed.
  date: ['Date', 'Close Date', 'Order Date', 'InvoiceDate', 'Invoice Date', 'Closed Date', 'Deal Date', 'Created at', 'Created (UTC)', 'Created', 'Created Date',
    '成交日期', '日期', '下单日期', '訂單日期', '签约日期', '簽約日期', '订单创建时间', '下单时间', '创建时间'],
  stage: ['Stage', 'Status', 'Deal Stage', 'Financial Status', 'Order Status', 'Payment Status', '阶段', '状态', '階段', '狀態', '销售阶段', '订单状态', '交易状态', '銷售階段', '訂單狀態'],
  owner: customerFields.owner,
  /** Money given back on the order (Shopify `Refunded Amount`, Stripe `Amount Refunded`): taken off its amount. */
  refunded: ['Refunded Amount', 'Amount Refunded', 'Refund Amount', 'Refunded', '退款金额', '退款金額'],
  email: customerFields.email,
  phone: customerFields.phone,
  customerName: ['Customer Name', 'Customer', 'Company', 'Company Name', 'Account Name', 'Client', 'Client Name', 'Billing Name', 'Associated Company', 'Billing Company',
    '客户名称', '客户', '公司名称', '客戶名稱', '客戶', '公司名稱', '买家昵称', '收货人姓名', '收货人'],
  region: customerFields.region,
  quantity: ['Quantity', 'Qty', 'Units', 'Lineitem quantity', '数量', '數量', '购买数量', '購買數量'],
  unitPrice: ['Unit Price', 'UnitPrice', 'Price', 'Lineitem price', 'Item Price', '单价', '單價', '商品单价', '商品單價'],
} as const;

export const repFields = {
  name: ['Name', 'Rep', 'Rep Name', 'Sales Rep', '姓名', '销售', '銷售'],
  email: ['Email', 'E-mail', '邮箱', '電郵', '郵箱'],
  level: ['Level', 'Seniority', 'Grade', '级别', '級別', '职级'],
  regions: ['Regions', 'Region', 'Territories', 'Territory', '负责区域', '區域', '负责地区'],
  industries: ['Industries', 'Industry', '负责行业', '負責行業', '行业'],
  capacity: ['Capacity', 'Holding Limit', 'Max Customers', '保有量', '客户上限', '客戶上限'],
  aCap: ['A Cap', 'A-tier Cap', 'Max A', 'A Tier Cap', 'A类上限', 'A類上限'],
  active: ['Active', 'Enabled', '在职', '启用', '在職', '啟用'],
  awayFrom: ['Away From', 'Leave From', '休假开始', '休假開始'],
  awayTo: ['Away To', 'Leave To', '休假结束', '休假結束'],
  startDate: ['Start Date', 'Hire Date', 'Joined', '入职日期', '入職日期'],
} as const;

export type CustomerField = keyof typeof customerFields;
export type DealField = keyof typeof dealFields;
export type RepField = keyof typeof repFields;
