// The exchange's governance screens (brand status, responsible-sourcing rulings), the validation
// messages per server rule code, and the confirmations actions show, in the three languages.
// en.ts, zh-Hant.ts and zh-Hans.ts take them under `governance`, `validation` and `notices`; the
// Chinese catalogues must have exactly the English keys (typed).

export const governanceEn = {
  title: 'Exchange governance',
  intro: 'Suspend, reinstate or delist this brand, and rule on its responsible sourcing. Each decision is signed and written to the log.',
  status: {
    title: 'Brand status',
    action: 'Action',
    suspend: 'Suspend',
    reinstate: 'Reinstate (list again)',
    delist: 'Delist',
    reason: 'Reason',
    reasonHint: 'Stated on the brand’s public history (3 to 1,000 characters).',
    effectiveDate: 'Effective date',
    effectiveHint: 'Leave empty for today.',
    submit: 'Record the status change',
    done: 'Recorded: the brand is now {{status}} from {{date}}.',
    history: 'Status history',
    noHistory: 'No status changes yet.',
    recordedAt: 'Recorded',
  },
  ruling: {
    title: 'Responsible-sourcing ruling',
    outcome: 'Ruling',
    reason: 'Reason',
    effectiveDate: 'Effective date',
    submit: 'Record the ruling',
    done: 'Recorded: the brand is ruled {{status}} from {{date}}.',
  },
  fieldsMessage: 'Some fields need attention: see the messages beside them.',
  statusFilter: 'Status',
};

export const governanceZhHant: typeof governanceEn = {
  title: '交易所管理',
  intro: '暫停、恢復或除牌此品牌，並就其負責任採購作出裁定。每項決定均經簽署並寫入日誌。',
  status: {
    title: '品牌狀態',
    action: '操作',
    suspend: '暫停',
    reinstate: '恢復（重新上市）',
    delist: '除牌',
    reason: '理由',
    reasonHint: '將顯示於品牌的公開歷史（3 至 1,000 個字元）。',
    effectiveDate: '生效日期',
    effectiveHint: '留空即為今日。',
    submit: '記錄狀態變更',
    done: '已記錄：品牌自 {{date}} 起為{{status}}。',
    history: '狀態歷史',
    noHistory: '尚無狀態變更。',
    recordedAt: '記錄時間',
  },
  ruling: {
    title: '負責任採購裁定',
    outcome: '裁定',
    reason: '理由',
    effectiveDate: '生效日期',
    submit: '記錄裁定',
    done: '已記錄：品牌自 {{date}} 起裁定為{{status}}。',
  },
  fieldsMessage: '部分欄位需要處理：請參閱欄位旁的訊息。',
  statusFilter: '狀態',
};

export const governanceZhHans: typeof governanceEn = {
  title: '交易所管理',
  intro: '暂停、恢复或除牌此品牌，并就其负责任采购作出裁定。每项决定均经签署并写入日志。',
  status: {
    title: '品牌状态',
    action: '操作',
    suspend: '暂停',
    reinstate: '恢复（重新上市）',
    delist: '除牌',
    reason: '理由',
    reasonHint: '将显示于品牌的公开历史（3 至 1,000 个字符）。',
    effectiveDate: '生效日期',
    effectiveHint: '留空即为今日。',
    submit: '记录状态变更',
    done: '已记录：品牌自 {{date}} 起为{{status}}。',
    history: '状态历史',
    noHistory: '尚无状态变更。',
    recordedAt: '记录时间',
  },
  ruling: {
    title: '负责任采购裁定',
    outcome: '裁定',
    reason: '理由',
    effectiveDate: '生效日期',
    submit: '记录裁定',
    done: '已记录：品牌自 {{date}} 起裁定为{{status}}。',
  },
  fieldsMessage: '部分字段需要处理：请参阅字段旁的消息。',
  statusFilter: '状态',
};

/**
 * One message per stable validation code the server sends in error.details (src/platform/http.ts
 * RULE_CODES); `{{limit}}` is the bound a size rule names. `withLimit` variants are used when the
 * server sent one.
 */
export const validationEn = {
  required: 'This field is required.',
  unknown_field: 'This field is not accepted here.',
  invalid_format: 'This is not in the expected format.',
  too_short: 'Too short.',
  too_short_limit: 'Too short: at least {{limit}} characters.',
  too_long: 'Too long.',
  too_long_limit: 'Too long: at most {{limit}} characters.',
  too_small: 'Too small.',
  too_small_limit: 'Too small: at least {{limit}}.',
  too_large: 'Too large.',
  too_large_limit: 'Too large: at most {{limit}}.',
  too_few: 'Too few entries.',
  too_few_limit: 'Too few entries: at least {{limit}}.',
  too_many: 'Too many entries.',
  too_many_limit: 'Too many entries: at most {{limit}}.',
  duplicate: 'The same entry appears twice.',
  wrong_type: 'This value has the wrong type.',
  not_allowed: 'This value is not one of those allowed.',
  invalid: 'This value is not valid.',
  code: 'code: {{code}}',
  signInFailed: 'The email or password is not correct.',
};

export const validationZhHant: typeof validationEn = {
  required: '此欄位為必填。',
  unknown_field: '此處不接受此欄位。',
  invalid_format: '格式不正確。',
  too_short: '太短。',
  too_short_limit: '太短：至少需要 {{limit}} 個字元。',
  too_long: '太長。',
  too_long_limit: '太長：最多 {{limit}} 個字元。',
  too_small: '數值太小。',
  too_small_limit: '數值太小：至少為 {{limit}}。',
  too_large: '數值太大。',
  too_large_limit: '數值太大：最多為 {{limit}}。',
  too_few: '項目太少。',
  too_few_limit: '項目太少：至少 {{limit}} 項。',
  too_many: '項目太多。',
  too_many_limit: '項目太多：最多 {{limit}} 項。',
  duplicate: '同一項目出現了兩次。',
  wrong_type: '此值的類型不正確。',
  not_allowed: '此值不在允許的選項之中。',
  invalid: '此值無效。',
  code: '錯誤代碼：{{code}}',
  signInFailed: '電子郵件或密碼不正確。',
};

export const validationZhHans: typeof validationEn = {
  required: '此字段为必填。',
  unknown_field: '此处不接受此字段。',
  invalid_format: '格式不正确。',
  too_short: '太短。',
  too_short_limit: '太短：至少需要 {{limit}} 个字符。',
  too_long: '太长。',
  too_long_limit: '太长：最多 {{limit}} 个字符。',
  too_small: '数值太小。',
  too_small_limit: '数值太小：至少为 {{limit}}。',
  too_large: '数值太大。',
  too_large_limit: '数值太大：最多为 {{limit}}。',
  too_few: '项目太少。',
  too_few_limit: '项目太少：至少 {{limit}} 项。',
  too_many: '项目太多。',
  too_many_limit: '项目太多：最多 {{limit}} 项。',
  duplicate: '同一项目出现了两次。',
  wrong_type: '此值的类型不正确。',
  not_allowed: '此值不在允许的选项之中。',
  invalid: '此值无效。',
  code: '错误代码：{{code}}',
  signInFailed: '电子邮件或密码不正确。',
};

/** Confirmations shown after an action succeeds (the page it lands on shows them). */
export const noticesEn = {
  issued: 'Certificate issued and recorded in the log.',
  amended: 'Amended: this is the new version; the previous one is superseded.',
  revoked: 'Certificate revoked. The public page and API now show it as revoked.',
};
export const noticesZhHant: typeof noticesEn = {
  issued: '證書已簽發並寫入日誌。',
  amended: '已修訂：這是新版本，前一版本已被取代。',
  revoked: '證書已撤銷。公開頁面及 API 現顯示為已撤銷。',
};
export const noticesZhHans: typeof noticesEn = {
  issued: '证书已签发并写入日志。',
  amended: '已修订：这是新版本，前一版本已被取代。',
  revoked: '证书已撤销。公开页面及 API 现显示为已撤销。',
};
