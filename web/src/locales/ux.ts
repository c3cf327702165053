// The public certificate page's buyer fields, the success toasts, and the server's rule codes
// (error.details[].code beyond the schema validator's) in plain words — in all three languages.

export const publicCertEn = {
  revokedTitle: 'This certificate was revoked',
  revokedOn: 'Revoked on {{date}}.',
  revokedReason: 'Reason given: {{reason}}',
  analysisHidden:
    'The analysis (production cast, chemistry, weights) is shown to the producer, the exchange, and the holder and warehouse of the metal. Whoever holds the certificate’s PDF or credential can see its contents by checking the file on the page',
  supersededBy: 'superseded by version {{n}}',
  producerBrand: 'Producer and brand',
  weights: 'Weights',
  weightsValue: 'net {{net}} kg, gross {{gross}} kg, {{pieces}} pieces',
};
export const publicCertZhHant: typeof publicCertEn = {
  revokedTitle: '此證書已被撤銷',
  revokedOn: '撤銷日期：{{date}}。',
  revokedReason: '所述理由：{{reason}}',
  analysisHidden: '分析資料（生產批次、化學成分、重量）僅向生產商、交易所，以及該金屬的持有人和倉庫顯示。持有證書 PDF 或憑證者，可在以下頁面查核該檔案，查看其內容：',
  supersededBy: '已被第 {{n}} 版取代',
  producerBrand: '生產商及品牌',
  weights: '重量',
  weightsValue: '淨重 {{net}} 公斤，毛重 {{gross}} 公斤，{{pieces}} 件',
};
export const publicCertZhHans: typeof publicCertEn = {
  revokedTitle: '此证书已被撤销',
  revokedOn: '撤销日期：{{date}}。',
  revokedReason: '所述理由：{{reason}}',
  analysisHidden: '分析数据（生产批次、化学成分、重量）仅向生产商、交易所，以及该金属的持有人和仓库显示。持有证书 PDF 或凭证者，可在以下页面核查该文件，查看其内容：',
  supersededBy: '已被第 {{n}} 版取代',
  producerBrand: '生产商及品牌',
  weights: '重量',
  weightsValue: '净重 {{net}} 公斤，毛重 {{gross}} 公斤，{{pieces}} 件',
};

/** What the upload page shows of a credential whose signature verified. */
export const credentialContentsEn = {
  title: 'What the credential says',
  signedNote: 'These fields come from the signed credential itself.',
  unverified: 'The signature did not verify, so the contents are not shown: they cannot be trusted.',
};
export const credentialContentsZhHant: typeof credentialContentsEn = {
  title: '憑證內容',
  signedNote: '以下欄位取自已簽署的憑證本身。',
  unverified: '簽署未能通過驗證，因此不顯示內容：這些內容不可信。',
};
export const credentialContentsZhHans: typeof credentialContentsEn = {
  title: '凭证内容',
  signedNote: '以下字段取自已签署的凭证本身。',
  unverified: '签署未能通过验证，因此不显示内容：这些内容不可信。',
};

/** Success toasts: what an action did (titles are short; the page may say more inline). */
export const toastEn = {
  title: 'Done',
  saved: 'Saved.',
  issued: 'Certificate {{number}} issued and recorded in the log.',
  amended: 'Certificate {{number}} amended: version {{version}} is now current.',
  revoked: 'Certificate {{number}} revoked.',
  brandStatus: 'Brand {{brand}}: {{status}}.',
  ruling: 'Sourcing ruling recorded for {{brand}}.',
  specPublished: 'Specification {{metal}} version {{version}} published.',
  imported: 'File uploaded: the import runs and its progress is shown below.',
  disclosure: 'Disclosure saved.',
  cbam: 'CBAM report saved.',
  access: 'Access updated.',
  receipt: 'Receipt recorded.',
  warrant: 'Warrant updated.',
  pledge: 'Pledge updated.',
  swap: 'Swap updated.',
  rent: 'Rent record saved.',
  market: 'Market data saved.',
  users: 'Users updated.',
  apiKey: 'API key updated.',
  organisation: 'Organisation saved.',
  signedIn: 'Signed in.',
  signedOut: 'Signed out.',
  invitation: 'Invitation accepted. Welcome.',
};
export const toastZhHant: typeof toastEn = {
  title: '完成',
  saved: '已儲存。',
  issued: '證書 {{number}} 已簽發並寫入日誌。',
  amended: '證書 {{number}} 已修訂：第 {{version}} 版現為當前版本。',
  revoked: '證書 {{number}} 已撤銷。',
  brandStatus: '品牌 {{brand}}：{{status}}。',
  ruling: '已記錄 {{brand}} 的採購合規裁定。',
  specPublished: '已發布 {{metal}} 規格第 {{version}} 版。',
  imported: '檔案已上載：匯入正在進行，進度見下方。',
  disclosure: '已儲存披露資料。',
  cbam: '已儲存 CBAM 報告。',
  access: '存取權限已更新。',
  receipt: '已記錄倉單收據。',
  warrant: '倉單已更新。',
  pledge: '質押已更新。',
  swap: '互換已更新。',
  rent: '已儲存倉租記錄。',
  market: '已儲存市場資料。',
  users: '使用者已更新。',
  apiKey: 'API 金鑰已更新。',
  organisation: '已儲存機構資料。',
  signedIn: '已登入。',
  signedOut: '已登出。',
  invitation: '已接受邀請，歡迎。',
};
export const toastZhHans: typeof toastEn = {
  title: '完成',
  saved: '已保存。',
  issued: '证书 {{number}} 已签发并写入日志。',
  amended: '证书 {{number}} 已修订：第 {{version}} 版现为当前版本。',
  revoked: '证书 {{number}} 已撤销。',
  brandStatus: '品牌 {{brand}}：{{status}}。',
  ruling: '已记录 {{brand}} 的采购合规裁定。',
  specPublished: '已发布 {{metal}} 规格第 {{version}} 版。',
  imported: '文件已上传：导入正在进行，进度见下方。',
  disclosure: '已保存披露数据。',
  cbam: '已保存 CBAM 报告。',
  access: '访问权限已更新。',
  receipt: '已记录仓单收据。',
  warrant: '仓单已更新。',
  pledge: '质押已更新。',
  swap: '互换已更新。',
  rent: '已保存仓租记录。',
  market: '已保存市场数据。',
  users: '用户已更新。',
  apiKey: 'API 密钥已更新。',
  organisation: '已保存机构资料。',
  signedIn: '已登录。',
  signedOut: '已退出登录。',
  invitation: '已接受邀请，欢迎。',
};
