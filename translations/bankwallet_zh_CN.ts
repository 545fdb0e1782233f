<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About BankWallet</source>
        <translation>关于 BankWallet</translation>
    </message>
    <message>
        <source>BankWallet</source>
        <translation>BankWallet</translation>
    </message>
    <message>
        <source>The digital wallet from your bank: pay, send, top up, withdraw and keep every record.</source>
        <translation>您的银行提供的数字钱包:付款、转账、充值、提现,每一笔都有记录。</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本:</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>OpenSSL:</source>
        <translation>OpenSSL:</translation>
    </message>
    <message>
        <source>QtKeychain:</source>
        <translation>QtKeychain:</translation>
    </message>
</context>
<context>
    <name>AddPaymentMethodDialog</name>
    <message>
        <source>Add a card or bank account</source>
        <translation>添加银行卡或银行账户</translation>
    </message>
    <message>
        <source>Link a card or bank account in your own name. You can then top up your wallet from it, and withdraw to an account.</source>
        <translation>请绑定您本人名下的银行卡或银行账户。绑定后即可用它为钱包充值，也可提现到银行账户。</translation>
    </message>
    <message>
        <source>&amp;Card</source>
        <translation>银行卡(&amp;C)</translation>
    </message>
    <message>
        <source>Bank &amp;account</source>
        <translation>银行账户(&amp;A)</translation>
    </message>
    <message>
        <source>Linking it with your bank…</source>
        <translation>正在与银行绑定…</translation>
    </message>
</context>
<context>
    <name>BankAccountForm</name>
    <message>
        <source>&amp;Bank</source>
        <translation>银行(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Account number or IBAN</source>
        <translation>账号或 IBAN(&amp;A)</translation>
    </message>
    <message>
        <source>Account &amp;holder</source>
        <translation>账户持有人(&amp;H)</translation>
    </message>
</context>
<context>
    <name>BankPage</name>
    <message>
        <source>Search by bank name</source>
        <translation>按银行名称搜索</translation>
    </message>
    <message>
        <source>Search banks</source>
        <translation>搜索银行</translation>
    </message>
    <message>
        <source>Banks</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
</context>
<context>
    <name>CardForm</name>
    <message>
        <source>Card &amp;number</source>
        <translation>卡号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Expiry date (MM/YY)</source>
        <translation>有效期 (月/年)(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Security code (CVC)</source>
        <translation>安全码 (CVC)(&amp;S)</translation>
    </message>
    <message>
        <source>MM/YY</source>
        <translation>月/年</translation>
    </message>
    <message>
        <source>Name on &amp;card</source>
        <translation>持卡人姓名(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Change your sign-in password</source>
        <translation>修改登录密码</translation>
    </message>
    <message>
        <source>You stay signed in on this computer. Your wallet's other devices are signed out and sign in again with the new password.</source>
        <translation>本机保持登录。钱包的其他设备将被退出登录，需用新密码重新登录。</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>当前密码(&amp;C)</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <source>Changing your password…</source>
        <translation>正在修改密码…</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <source>Change payment PIN</source>
        <translation>修改支付密码</translation>
    </message>
    <message>
        <source>Change your payment PIN</source>
        <translation>修改支付密码</translation>
    </message>
    <message>
        <source>The payment PIN confirms every payment. Choose six digits that are not a run (123456), not all the same and not your birthday.</source>
        <translation>每笔付款都需输入支付密码。请设置6位数字，不要用连续数字（如123456）、相同数字或您的生日。</translation>
    </message>
    <message>
        <source>Payments are frozen because the PIN was entered wrongly too many times. A new PIN unfreezes them.</source>
        <translation>由于支付密码输错次数过多，付款已被冻结。设置新的支付密码即可解冻。</translation>
    </message>
    <message>
        <source>Sign-in &amp;password</source>
        <translation>登录密码(&amp;P)</translation>
    </message>
    <message>
        <source>Sign-in password</source>
        <translation>登录密码</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新支付密码</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>再次输入新支付密码</translation>
    </message>
    <message>
        <source>Changing your PIN…</source>
        <translation>正在修改支付密码…</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>6-digit &amp;code</source>
        <translation>6 位验证码(&amp;C)</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>&amp;Start again</source>
        <translation>重新开始(&amp;S)</translation>
    </message>
    <message>
        <source>The code is valid for a few minutes. Never tell it to anyone, not even bank staff.</source>
        <translation>验证码几分钟内有效。请勿告诉任何人，包括银行工作人员。</translation>
    </message>
</context>
<context>
    <name>ContactPage</name>
    <message>
        <source>Full &amp;name (as on your identity document)</source>
        <translation>姓名(&amp;N)（与身份证件一致）</translation>
    </message>
    <message>
        <source>e.g. Li Lei</source>
        <translation>例如：李雷</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>&amp;Mobile phone number</source>
        <translation>手机号(&amp;M)</translation>
    </message>
    <message>
        <source>e.g. 138 0013 8000 or +852 5123 4567</source>
        <translation>例如：138 0013 8000 或 +852 5123 4567</translation>
    </message>
    <message>
        <source>Mobile phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>We send a verification code to this number. Numbers without a country code are read as mainland China (+86).</source>
        <translation>我们会向此号码发送验证码。未填写国家/地区代码的号码按中国大陆号码（+86）处理。</translation>
    </message>
    <message>
        <source>&amp;E-mail address</source>
        <translation>电子邮箱(&amp;E)</translation>
    </message>
    <message>
        <source>e.g. li.lei@example.com</source>
        <translation>例如：li.lei@example.com</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>电子邮箱</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <source>Sign-in password</source>
        <translation>登录密码</translation>
    </message>
    <message>
        <source>You sign in to the wallet with this password.</source>
        <translation>您将使用此密码登录钱包。</translation>
    </message>
    <message>
        <source>Payment PIN</source>
        <translation>支付密码</translation>
    </message>
    <message>
        <source>Six digits you enter to confirm every payment. Avoid 123456, repeated digits and your date of birth.</source>
        <translation>每次付款时输入的 6 位数字。请勿使用 123456、重复数字或您的出生日期。</translation>
    </message>
    <message>
        <source>Choose a PIN</source>
        <translation>设置支付密码</translation>
    </message>
    <message>
        <source>Enter it again</source>
        <translation>再次输入</translation>
    </message>
</context>
<context>
    <name>CryptoError</name>
    <message>
        <source>The system could not provide secure random numbers. Restart the application; if this persists, contact support.</source>
        <translation>系统无法提供安全随机数。请重新启动应用;如果问题仍然存在,请联系客服。</translation>
    </message>
    <message>
        <source>An internal encryption error occurred. Restart the application; if this persists, contact support.</source>
        <translation>发生内部加密错误。请重新启动应用;如果问题仍然存在,请联系客服。</translation>
    </message>
    <message>
        <source>The data given to the encryption routine is invalid.</source>
        <translation>传给加密程序的数据无效。</translation>
    </message>
    <message>
        <source>The encryption key has the wrong length.</source>
        <translation>加密密钥长度不正确。</translation>
    </message>
    <message>
        <source>The encryption nonce has the wrong length.</source>
        <extracomment>A nonce is a one-time random value used by the encryption.</extracomment>
        <translation>加密随机数(nonce)长度不正确。</translation>
    </message>
    <message>
        <source>The authentication tag has the wrong length.</source>
        <extracomment>The tag is the checksum that proves encrypted data was not changed.</extracomment>
        <translation>认证标签长度不正确。</translation>
    </message>
    <message>
        <source>The encrypted data is damaged or incomplete.</source>
        <translation>加密数据已损坏或不完整。</translation>
    </message>
    <message>
        <source>The data was written by a newer version of BankWallet. Update the application.</source>
        <translation>此数据由更新版本的 BankWallet 写入。请更新应用。</translation>
    </message>
    <message>
        <source>The encrypted data could not be verified: it was changed or belongs to a different key.</source>
        <translation>无法验证加密数据:数据已被更改,或属于另一个密钥。</translation>
    </message>
    <message>
        <source>The password hashing settings are invalid.</source>
        <translation>密码哈希参数无效。</translation>
    </message>
    <message>
        <source>The password hashing settings need more memory than allowed.</source>
        <translation>密码哈希参数所需内存超出允许范围。</translation>
    </message>
    <message>
        <source>The stored password record is damaged.</source>
        <translation>已保存的密码记录已损坏。</translation>
    </message>
    <message>
        <source>The stored record uses an algorithm this version does not support.</source>
        <translation>已保存的记录使用了此版本不支持的算法。</translation>
    </message>
    <message>
        <source>The text contains a character that is not allowed.</source>
        <translation>文本中含有不允许的字符。</translation>
    </message>
    <message>
        <source>The text has the wrong length; a character may be missing.</source>
        <translation>文本长度不正确,可能缺少字符。</translation>
    </message>
    <message>
        <source>The text ends incorrectly; check the last characters.</source>
        <translation>文本结尾不正确,请检查最后几个字符。</translation>
    </message>
    <message>
        <source>The one-time code settings are invalid.</source>
        <translation>一次性验证码参数无效。</translation>
    </message>
    <message>
        <source>The authenticator key is too short.</source>
        <translation>身份验证器密钥太短。</translation>
    </message>
    <message>
        <source>Enter the code exactly as shown, digits only.</source>
        <translation>请按显示的内容输入验证码,仅限数字。</translation>
    </message>
    <message>
        <source>The code is not correct. Check your device's clock and try the current code.</source>
        <translation>验证码不正确。请检查设备时间,并输入当前的验证码。</translation>
    </message>
    <message>
        <source>This code was already used. Wait for the next code and enter it.</source>
        <translation>此验证码已使用过。请等待下一个验证码后输入。</translation>
    </message>
    <message>
        <source>Unknown encryption error.</source>
        <translation>未知的加密错误。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>My wallet</source>
        <translation>我的钱包</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Ask the bank for your latest balance, limits and activity</source>
        <translation>向银行获取最新的余额、限额和交易动态</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Available balance</source>
        <translation>可用余额</translation>
    </message>
    <message>
        <source>Your limits</source>
        <translation>您的限额</translation>
    </message>
    <message>
        <source>&amp;Pay</source>
        <translation>付款(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>转账(&amp;T)</translation>
    </message>
    <message>
        <source>Top &amp;up</source>
        <translation>充值(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>提现(&amp;W)</translation>
    </message>
    <message>
        <source>R&amp;eceive</source>
        <translation>收款(&amp;E)</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>最近交易</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Cards and accounts</source>
        <translation>银行卡和账户</translation>
    </message>
    <message>
        <source>&amp;Manage</source>
        <translation>管理(&amp;M)</translation>
    </message>
    <message>
        <source>See &amp;all</source>
        <translation>查看全部(&amp;A)</translation>
    </message>
    <message>
        <source>Open the full history (Ctrl+H)</source>
        <translation>打开全部交易记录 (Ctrl+H)</translation>
    </message>
    <message>
        <source>See all transactions</source>
        <translation>查看全部交易</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Your wallet level:</source>
        <translation>您的钱包等级：</translation>
    </message>
    <message>
        <source>Your limits</source>
        <translation>您的限额</translation>
    </message>
    <message>
        <source>What next?</source>
        <translation>接下来可以做什么？</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export history to CSV</source>
        <translation>将交易记录导出为 CSV</translation>
    </message>
    <message>
        <source>The transactions History shows now — with its filters and search, in its order — are saved as a CSV file that spreadsheet programs open.</source>
        <translation>交易记录当前显示的交易（按当前的筛选、搜索条件和排序）将保存为 CSV 文件，可用电子表格软件打开。</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>File to save</source>
        <translation>要保存的文件</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Add a byte-order mark for spreadsheet programs</source>
        <translation>为电子表格软件添加字节顺序标记（BOM）</translation>
    </message>
    <message>
        <source>Add a &amp;byte-order mark for spreadsheet programs</source>
        <translation>为电子表格软件添加字节顺序标记（BOM）(&amp;B)</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
</context>
<context>
    <name>ForgotPasswordWizard</name>
    <message>
        <source>Forgot password</source>
        <translation>忘记密码</translation>
    </message>
    <message>
        <source>Reset your password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Enter the phone number of your wallet. We will send a code to it.</source>
        <translation>请输入钱包绑定的手机号，我们将向该号码发送验证码。</translation>
    </message>
    <message>
        <source>&amp;Phone number</source>
        <translation>手机号(&amp;P)</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>&amp;Identity document number (optional)</source>
        <translation>身份证件号码（选填）(&amp;I)</translation>
    </message>
    <message>
        <source>Identity document number</source>
        <translation>身份证件号码</translation>
    </message>
    <message>
        <source>Needed if your identity is verified: the number of the document you verified it with. Leave it empty otherwise.</source>
        <translation>已完成实名认证的钱包需填写，即认证时所用证件的号码；未认证请留空。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>Enter the code</source>
        <translation>输入验证码</translation>
    </message>
    <message>
        <source>We sent a 6-digit code to your phone.</source>
        <translation>我们已向您的手机发送 6 位验证码。</translation>
    </message>
    <message>
        <source>&amp;Verification code</source>
        <translation>验证码(&amp;V)</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>重新发送验证码</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>The new password replaces the old one on every computer where you use your wallet.</source>
        <translation>新密码将在您使用钱包的所有电脑上替换旧密码。</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <source>You can sign in with your new password now.</source>
        <translation>现在可以使用新密码登录了。</translation>
    </message>
    <message>
        <source>Your password is changed; sign in with it. Every other session was signed out.</source>
        <translation>密码已修改，请使用新密码登录。其他所有登录均已退出。</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <source>Help and fees</source>
        <translation>帮助与费用</translation>
    </message>
    <message>
        <source>Asking the bank for its latest list and fees…</source>
        <translation>正在向银行获取最新的银行列表和收费标准…</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>← &amp;Back</source>
        <translation>← 返回(&amp;B)</translation>
    </message>
    <message>
        <source>Back to dashboard</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <source>History</source>
        <translation>交易记录</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the transactions shown, with these filters, as a CSV file</source>
        <translation>将当前筛选条件下显示的交易导出为 CSV 文件</translation>
    </message>
    <message>
        <source>Merchant, category or receipt number</source>
        <translation>商户、分类或回单号</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>搜索 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View ▾</source>
        <translation>显示(&amp;V) ▾</translation>
    </message>
    <message>
        <source>Sort order and columns</source>
        <translation>排序方式和显示的列</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Document &amp;type</source>
        <translation>证件类型(&amp;T)</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Document &amp;number</source>
        <translation>证件号码(&amp;N)</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>出生日期(&amp;B)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>N&amp;ationality</source>
        <translation>国籍(&amp;A)</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>&amp;Start again</source>
        <translation>重新开始(&amp;S)</translation>
    </message>
    <message>
        <source>Not now?</source>
        <translation>暂不认证？</translation>
    </message>
    <message>
        <source>You can open the wallet with your phone number only and verify your identity later. Until then it is a tier 4 wallet with these limits:</source>
        <translation>您可以只用手机号开通钱包，以后再认证身份。在此之前，钱包为四类钱包，限额如下：</translation>
    </message>
    <message>
        <source>A tier 4 wallet cannot top up from a card or send money to other wallets.</source>
        <translation>四类钱包不能用银行卡充值，也不能向其他钱包转账。</translation>
    </message>
    <message>
        <source>S&amp;kip for now</source>
        <translation>暂时跳过(&amp;K)</translation>
    </message>
</context>
<context>
    <name>InsightsPage</name>
    <message>
        <source>Insights</source>
        <translation>收支分析</translation>
    </message>
    <message>
        <source>Where your money went and what came in, by category and by month. Amounts in different currencies are never added together.</source>
        <translation>按分类和月份查看您的支出与收入。不同币种的金额不会相加。</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>时间范围(&amp;P)：</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>C&amp;urrency shown in the charts:</source>
        <translation>图表币种(&amp;U)：</translation>
    </message>
    <message>
        <source>Currency shown in the charts</source>
        <translation>图表币种</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Adding up your transactions…</source>
        <translation>正在统计您的交易…</translation>
    </message>
    <message>
        <source>Nothing was spent or received in this period. Choose a longer period, or make a payment first.</source>
        <translation>此期间没有支出或收入。请选择更长的时间范围，或先完成一笔付款。</translation>
    </message>
    <message>
        <source>&amp;Totals by currency</source>
        <translation>按币种汇总(&amp;T)</translation>
    </message>
    <message>
        <source>Totals by currency</source>
        <translation>按币种汇总</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>BankWallet's entry was not found in your keyring.</source>
        <extracomment>Shown when BankWallet's entry is missing from the system keyring (password store).</extracomment>
        <translation>在您的密钥环中找不到 BankWallet 的条目。</translation>
    </message>
    <message>
        <source>Your keyring is locked or BankWallet was not allowed to use it. Unlock your keyring (for example the "Login" keyring in Passwords and Keys), allow access, and try again.</source>
        <extracomment>"Keyring" is the system password store (GNOME Keyring, KWallet, macOS Keychain).</extracomment>
        <translation>您的密钥环已锁定,或 BankWallet 未获准使用它。请解锁密钥环(例如“密码和密钥”中的“登录”密钥环),允许访问后重试。</translation>
    </message>
    <message>
        <source>No secure password storage is available. Install and start a Secret Service provider such as GNOME Keyring or KWallet, make sure you are in a desktop session, and start BankWallet again. BankWallet never stores your secrets in plain files instead.</source>
        <translation>没有可用的安全密码存储。请安装并启动 Secret Service 提供程序(如 GNOME Keyring 或 KWallet),确认您处于桌面会话中,然后重新启动 BankWallet。BankWallet 绝不会改用普通文件保存您的机密信息。</translation>
    </message>
    <message>
        <source>Your keyring did not answer in time. If a password prompt is open, answer it; otherwise check that your keyring service is running, then try again.</source>
        <translation>您的密钥环未及时响应。如果有密码提示窗口,请先完成输入;否则请检查密钥环服务是否在运行,然后重试。</translation>
    </message>
    <message>
        <source>BankWallet's entry in your keyring is damaged. BankWallet left it unchanged so that your data is not lost. Please contact your bank's support.</source>
        <translation>您密钥环中 BankWallet 的条目已损坏。为避免数据丢失,BankWallet 未作任何改动。请联系您的银行客服。</translation>
    </message>
    <message>
        <source>BankWallet asked your keyring for an invalid entry. This is a bug in BankWallet; please report it to your bank's support.</source>
        <translation>BankWallet 向密钥环请求了无效的条目。这是 BankWallet 的缺陷,请向您的银行客服报告。</translation>
    </message>
    <message>
        <source>Your keyring reported an error. Try again; if it keeps failing, restart your keyring service or log out and back in.</source>
        <translation>您的密钥环报告了错误。请重试;如果仍然失败,请重新启动密钥环服务,或注销后重新登录。</translation>
    </message>
    <message>
        <source>Your keyring reported an error.</source>
        <translation>您的密钥环报告了错误。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>BankWallet</source>
        <translation>BankWallet</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close BankWallet</source>
        <translation>关闭 BankWallet</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About BankWallet</source>
        <translation>关于 BankWallet(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Lock the wallet now; your password opens it again</source>
        <translation>立即锁定钱包，输入登录密码即可再次打开</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>End the session on this desktop</source>
        <translation>结束本机上的登录会话</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Language, auto-lock, notifications and the bank gateway</source>
        <translation>语言、自动锁定、通知和银行网关</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>首页(&amp;D)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Help and fees</source>
        <translation>帮助与费用(&amp;H)</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>BankWallet &amp;Help</source>
        <translation>BankWallet 帮助(&amp;H)</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;Pay a merchant…</source>
        <translation>向商户付款(&amp;P)…</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;Transfer to a wallet…</source>
        <translation>转账给钱包用户(&amp;T)…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>T&amp;op up…</source>
        <translation>充值(&amp;O)…</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>提现(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>收款(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Cards and &amp;accounts</source>
        <translation>银行卡和账户(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>安全中心(&amp;S)</translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>交易记录(&amp;H)</translation>
    </message>
    <message>
        <source>Every transaction, with search, filters and export</source>
        <translation>全部交易记录，可搜索、筛选和导出</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>&amp;Insights</source>
        <translation>收支分析(&amp;I)</translation>
    </message>
    <message>
        <source>Spending by category and by month</source>
        <translation>按分类和月份查看支出</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>复制诊断信息(&amp;D)</translation>
    </message>
    <message>
        <source>Copy versions, platform and recent warnings for the bank's support desk (no passwords, card numbers or personal data)</source>
        <translation>复制版本、平台和近期警告信息，供银行客服使用（不含密码、卡号或个人信息）</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Find the shop or service you want to pay.</source>
        <translation>查找您要付款的商户或服务。</translation>
    </message>
    <message>
        <source>Search by name or category</source>
        <translation>按名称或类别搜索</translation>
    </message>
    <message>
        <source>Search merchants</source>
        <translation>搜索商户</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Merchants</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Recipient's &amp;mobile number</source>
        <translation>收款人手机号(&amp;M)</translation>
    </message>
    <message>
        <source>Recipient mobile number</source>
        <translation>收款人手机号</translation>
    </message>
    <message>
        <source>The money goes to the BankWallet wallet registered with this number. A number without a country code is read as a mainland China (+86) number.</source>
        <translation>资金将转入用此号码注册的 BankWallet 钱包。未加国家代码的号码按中国大陆（+86）号码处理。</translation>
    </message>
    <message>
        <source>Withdraw to your bank &amp;account</source>
        <translation>提现到您的银行账户(&amp;A)</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账户</translation>
    </message>
    <message>
        <source>You have no linked bank account yet. Link one on the Payment methods page, then come back.</source>
        <translation>您尚未绑定银行账户。请先在“支付方式”页面绑定，然后再回来。</translation>
    </message>
    <message>
        <source>You can only withdraw to a bank account in your own name.</source>
        <translation>只能提现到您本人名下的银行账户。</translation>
    </message>
    <message>
        <source>Got a payment link (bankwallet:…)? Paste it into the field above or drop it on this window.</source>
        <translation>有付款链接（bankwallet:…）？可粘贴到上方输入框，或直接拖放到此窗口。</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Use &amp;all</source>
        <translation>全部金额(&amp;A)</translation>
    </message>
    <message>
        <source>Pay &amp;from</source>
        <translation>付款方式(&amp;F)</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>&amp;Note (optional)</source>
        <translation>备注（选填）(&amp;N)</translation>
    </message>
    <message>
        <source>What is it for? Only you and the payee see it.</source>
        <translation>用途是什么？仅您和收款方可见。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Asking the bank for a price…</source>
        <translation>正在向银行获取报价…</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Payment PIN</source>
        <translation>支付密码</translation>
    </message>
    <message>
        <source>Enter your 6-digit payment PIN to confirm.</source>
        <translation>请输入 6 位支付密码以确认。</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Send SMS code</source>
        <translation>发送短信验证码</translation>
    </message>
    <message>
        <source>You can close this window: the payment will finish in the background and you will be notified.</source>
        <translation>您可以关闭此窗口：付款将在后台完成，完成后会通知您。</translation>
    </message>
    <message>
        <source>&amp;View receipt</source>
        <translation>查看电子回单(&amp;V)</translation>
    </message>
    <message>
        <source>Choose another &amp;source</source>
        <translation>更换付款方式(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
</context>
<context>
    <name>PaymentMethodPage</name>
    <message>
        <source>Link a debit card or bank account in your own name to top up your wallet. A verified wallet with a linked debit card or account moves up to tier 2, with higher limits.</source>
        <translation>绑定本人名下的借记卡或银行账户，即可为钱包充值。已认证身份的钱包绑定借记卡或银行账户后升级为二类钱包，限额更高。</translation>
    </message>
    <message>
        <source>&amp;Card</source>
        <translation>银行卡(&amp;C)</translation>
    </message>
    <message>
        <source>Bank &amp;account</source>
        <translation>银行账户(&amp;A)</translation>
    </message>
    <message>
        <source>You can also do this later in Payment methods.</source>
        <translation>您也可以稍后在“支付方式”中绑定。</translation>
    </message>
    <message>
        <source>S&amp;kip for now</source>
        <translation>暂时跳过(&amp;K)</translation>
    </message>
</context>
<context>
    <name>PaymentMethodsPage</name>
    <message>
        <source>← &amp;Back</source>
        <translation>← 返回(&amp;B)</translation>
    </message>
    <message>
        <source>Back to your wallet</source>
        <translation>返回钱包首页</translation>
    </message>
    <message>
        <source>Payment methods</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Ask the bank for your cards and accounts again</source>
        <translation>重新向银行获取您的银行卡和账户</translation>
    </message>
    <message>
        <source>&amp;Add card or account…</source>
        <translation>添加银行卡或账户(&amp;A)…</translation>
    </message>
    <message>
        <source>Cards and bank accounts linked to your wallet. The default one is chosen first when you top up or pay.</source>
        <translation>已绑定到钱包的银行卡和银行账户。充值或付款时优先使用默认的一个。</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Make &amp;default</source>
        <translation>设为默认(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>移除(&amp;M)…</translation>
    </message>
    <message>
        <source>Enter makes the selected one the default; Delete removes it.</source>
        <translation>按 Enter 键将所选项设为默认，按 Delete 键将其移除。</translation>
    </message>
    <message>
        <source>No cards or accounts yet — add one to top up and pay</source>
        <translation>还没有银行卡或账户——添加后即可充值和付款</translation>
    </message>
    <message>
        <source>A debit card or bank account in your own name also raises your wallet's limits.</source>
        <translation>绑定本人名下的借记卡或银行账户，还能提高钱包限额。</translation>
    </message>
    <message>
        <source>Add your first card or account…</source>
        <translation>添加银行卡或账户…</translation>
    </message>
    <message>
        <source>Loading your cards and accounts…</source>
        <translation>正在加载您的银行卡和账户…</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation>电子回单</translation>
    </message>
    <message>
        <source>Loading the receipt from the bank…</source>
        <translation>正在从银行加载回单…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy receipt number</source>
        <translation>复制回单编号(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>保存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ReceivePage</name>
    <message>
        <source>Back to dashboard</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <source>Receive money</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Show this QR code to the person who pays you, or send them the link. They pay it in BankWallet.</source>
        <translation>请付款人扫描此二维码，或将链接发给对方，对方即可在 BankWallet 中付款。</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Payment request</source>
        <translation>收款请求</translation>
    </message>
    <message>
        <source>&amp;Amount (optional)</source>
        <translation>金额（选填）(&amp;A)</translation>
    </message>
    <message>
        <source>Amount to request</source>
        <translation>收款金额</translation>
    </message>
    <message>
        <source>Leave it empty to let the payer enter the amount.</source>
        <translation>不填则由付款人输入金额。</translation>
    </message>
    <message>
        <source>&amp;Note (optional)</source>
        <translation>备注（选填）(&amp;N)</translation>
    </message>
    <message>
        <source>Note for the payer</source>
        <translation>给付款人的备注</translation>
    </message>
    <message>
        <source>For example: Dinner on Friday</source>
        <translation>例如：周五聚餐</translation>
    </message>
    <message>
        <source>Money goes to</source>
        <translation>收款人</translation>
    </message>
    <message>
        <source>The link and the QR code contain your name and your full phone number. Share them only with people you want to pay you.</source>
        <translation>链接和二维码中含有您的姓名和完整手机号，请只分享给需要向您付款的人。</translation>
    </message>
    <message>
        <source>QR code of your payment request</source>
        <translation>收款二维码</translation>
    </message>
    <message>
        <source>Payment &amp;link</source>
        <translation>付款链接(&amp;L)</translation>
    </message>
    <message>
        <source>Payment link</source>
        <translation>付款链接</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>复制链接(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the payment link to the clipboard</source>
        <translation>将付款链接复制到剪贴板</translation>
    </message>
    <message>
        <source>&amp;Save as image…</source>
        <translation>保存为图片…(&amp;S)</translation>
    </message>
    <message>
        <source>Save the QR code with the amount and your name as a PNG image</source>
        <translation>将二维码连同金额和您的姓名保存为 PNG 图片</translation>
    </message>
    <message>
        <source>← &amp;Back</source>
        <translation>← 返回(&amp;B)</translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message>
        <source>Security</source>
        <translation>安全中心</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>Your password, payment PIN, second factor and the computers that can use your wallet.</source>
        <translation>管理登录密码、支付密码、两步验证以及可使用您钱包的电脑。</translation>
    </message>
    <message>
        <source>Payments are frozen: the payment PIN was entered wrongly too many times. Change your PIN to unfreeze them.</source>
        <translation>付款已冻结：支付密码输错次数过多。修改支付密码即可解冻。</translation>
    </message>
    <message>
        <source>Sign-in password</source>
        <translation>登录密码</translation>
    </message>
    <message>
        <source>Signs you in on this computer and confirms changes to your security settings.</source>
        <translation>用于在本机登录，以及确认安全设置的修改。</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>修改登录密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Payment PIN</source>
        <translation>支付密码</translation>
    </message>
    <message>
        <source>The 6-digit PIN that confirms every payment. Changing it needs your password and a one-time code.</source>
        <translation>每笔付款都需输入的6位数字密码。修改时需要登录密码和一次性验证码。</translation>
    </message>
    <message>
        <source>Change P&amp;IN…</source>
        <translation>修改支付密码(&amp;I)…</translation>
    </message>
    <message>
        <source>Two-step verification</source>
        <translation>两步验证</translation>
    </message>
    <message>
        <source>Larger payments and changes to your security settings ask for a second code: from an authenticator app, or by SMS.</source>
        <translation>大额付款和安全设置的修改需要第二重验证码：来自身份验证器应用或短信。</translation>
    </message>
    <message>
        <source>Set up &amp;authenticator app…</source>
        <translation>设置身份验证器(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Turn off authenticator…</source>
        <translation>关闭身份验证器(&amp;T)…</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <source>The wallet locks itself after this many minutes without activity, and when your computer locks its screen or sleeps.</source>
        <translation>无操作达到设定分钟数后，或电脑锁屏、休眠时，钱包将自动锁定。</translation>
    </message>
    <message>
        <source>&amp;Lock after</source>
        <translation>锁定时间(&amp;L)</translation>
    </message>
    <message>
        <source>minutes without activity</source>
        <translation>分钟无操作后</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>登录设备</translation>
    </message>
    <message>
        <source>Computers that can sign in to your wallet. Remove one you no longer use or have lost: it is signed out at once and cannot sign in or pay again.</source>
        <translation>可登录您钱包的电脑。请移除不再使用或已丢失的设备：它将立即退出登录，且无法再登录或付款。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <source>&amp;Remove device…</source>
        <translation>移除设备(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>刷新(&amp;L)</translation>
    </message>
    <message>
        <source>← &amp;Back</source>
        <translation>← 返回(&amp;B)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Lock &amp;after:</source>
        <translation>自动锁定(&amp;A)：</translation>
    </message>
    <message>
        <source>minutes without activity</source>
        <translation>分钟无操作后</translation>
    </message>
    <message>
        <source>Show a desktop &amp;notification when money moves</source>
        <translation>资金变动时显示桌面通知(&amp;N)</translation>
    </message>
    <message>
        <source>Bank connection</source>
        <translation>银行连接</translation>
    </message>
    <message>
        <source>&amp;Built-in demo bank</source>
        <translation>内置演示银行(&amp;B)</translation>
    </message>
    <message>
        <source>Bank &amp;gateway address:</source>
        <translation>银行网关地址(&amp;G)：</translation>
    </message>
    <message>
        <source>https://wallet-gateway.yourbank.example</source>
        <translation>https://wallet-gateway.yourbank.example</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>A change of bank connection takes effect the next time you start BankWallet.</source>
        <translation>银行连接的更改将在下次启动 BankWallet 时生效。</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Welcome back</source>
        <translation>欢迎回来</translation>
    </message>
    <message>
        <source>Enter your password to open your wallet.</source>
        <translation>请输入密码以打开您的钱包。</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>忘记密码？</translation>
    </message>
</context>
<context>
    <name>SimulatedPhone</name>
    <message>
        <source>Demo phone</source>
        <translation>演示手机</translation>
    </message>
    <message>
        <source>Latest code</source>
        <translation>最新验证码</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>No messages yet. The codes the bank sends by SMS and e-mail appear here.</source>
        <translation>暂无消息。银行通过短信和电子邮件发送的验证码会显示在这里。</translation>
    </message>
</context>
<context>
    <name>StaffActions</name>
    <message>
        <source>Bank staff</source>
        <translation>银行柜员</translation>
    </message>
    <message>
        <source>Actions bank staff take for the signed-in customer. Demo bank only.</source>
        <translation>银行柜员为当前登录客户办理的操作，仅限演示银行。</translation>
    </message>
    <message>
        <source>In-branch verification</source>
        <translation>网点身份核验</translation>
    </message>
    <message>
        <source>The customer showed an identity document at a branch: their wallet gets the highest limits.</source>
        <translation>客户已在网点出示身份证件：钱包将获得最高限额。</translation>
    </message>
    <message>
        <source>Upgrade to tier 1</source>
        <translation>升级为一级钱包</translation>
    </message>
    <message>
        <source>Incoming transfer</source>
        <translation>转入款项</translation>
    </message>
    <message>
        <source>Money sent to this wallet from another bank. The sender's name is screened like any other.</source>
        <translation>他行汇入本钱包的款项。汇款人姓名同样需要经过筛查。</translation>
    </message>
    <message>
        <source>&amp;Amount (CNY)</source>
        <translation>金额（人民币）(&amp;A)</translation>
    </message>
    <message>
        <source>e.g. 88.00</source>
        <translation>例如 88.00</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>汇款人(&amp;F)</translation>
    </message>
    <message>
        <source>Sender's full name</source>
        <translation>汇款人全名</translation>
    </message>
    <message>
        <source>Simulate an incoming transfer</source>
        <translation>模拟一笔转入款项</translation>
    </message>
    <message>
        <source>Held payments</source>
        <translation>待审核交易</translation>
    </message>
    <message>
        <source>Payments the compliance check held for a decision by staff.</source>
        <translation>合规检查暂扣、等待柜员处理的交易。</translation>
    </message>
    <message>
        <source>No payments are waiting for review.</source>
        <translation>暂无待审核的交易。</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>拒绝(&amp;J)</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>批准(&amp;P)</translation>
    </message>
    <message>
        <source>Demo bank</source>
        <translation>演示银行</translation>
    </message>
    <message>
        <source>Start the demonstration again from an empty bank.</source>
        <translation>从空白的银行重新开始演示。</translation>
    </message>
    <message>
        <source>Reset demo…</source>
        <translation>重置演示…</translation>
    </message>
</context>
<context>
    <name>StorageError</name>
    <message>
        <source>The wallet's local data file cannot be opened. Check that the data folder exists and that you may write to it.</source>
        <translation>无法打开钱包的本地数据文件。请检查数据文件夹是否存在以及您是否有写入权限。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space, then try again; nothing was lost.</source>
        <translation>磁盘已满。请释放一些空间后重试；没有丢失任何数据。</translation>
    </message>
    <message>
        <source>The wallet's local data file is damaged. Your money is safe at the bank; contact support to restore the local data.</source>
        <translation>钱包的本地数据文件已损坏。您在银行的资金是安全的；请联系客服恢复本地数据。</translation>
    </message>
    <message>
        <source>The wallet's local data was written by a newer version of BankWallet. Install the newer version to open it; the data was not changed.</source>
        <translation>钱包的本地数据由更新版本的 BankWallet 写入。请安装更新版本后再打开；数据未被更改。</translation>
    </message>
    <message>
        <source>The key in your keychain does not match this wallet's local data. The data was not changed.</source>
        <translation>钥匙串中的密钥与此钱包的本地数据不匹配。数据未被更改。</translation>
    </message>
    <message>
        <source>Some protected local data cannot be decrypted. It may have been changed outside BankWallet.</source>
        <translation>部分受保护的本地数据无法解密。它可能在 BankWallet 之外被修改过。</translation>
    </message>
    <message>
        <source>The local data key is invalid.</source>
        <translation>本地数据密钥无效。</translation>
    </message>
    <message>
        <source>The wallet's local data is in use by another program. Close other copies of BankWallet and try again.</source>
        <translation>钱包的本地数据正被其他程序使用。请关闭其他 BankWallet 窗口后重试。</translation>
    </message>
    <message>
        <source>The wallet's local data file is read-only. Check the permissions of the data folder.</source>
        <translation>钱包的本地数据文件为只读。请检查数据文件夹的权限。</translation>
    </message>
    <message>
        <source>The wallet's local data is not open.</source>
        <translation>钱包的本地数据未打开。</translation>
    </message>
    <message>
        <source>An internal error occurred while reading local data.</source>
        <translation>读取本地数据时发生内部错误。</translation>
    </message>
    <message>
        <source>The record was not found in the local data.</source>
        <translation>在本地数据中找不到该记录。</translation>
    </message>
    <message>
        <source>The local data contains an invalid value.</source>
        <translation>本地数据包含无效的值。</translation>
    </message>
    <message>
        <source>The wallet's local data could not be read or saved. Try again; if this persists, contact support.</source>
        <translation>无法读取或保存钱包的本地数据。请重试；如果问题仍然存在，请联系客服。</translation>
    </message>
    <message>
        <source>The operation was cancelled because the app is closing.</source>
        <translation>应用正在关闭，操作已取消。</translation>
    </message>
</context>
<context>
    <name>TwoFactorDialog</name>
    <message>
        <source>Two-step verification</source>
        <translation>两步验证</translation>
    </message>
    <message>
        <source>QR code for your authenticator app</source>
        <translation>身份验证器二维码</translation>
    </message>
    <message>
        <source>1. Open an authenticator app on your phone (for example Google Authenticator or Microsoft Authenticator).
2. Scan this QR code, or type the key below.
3. Enter the 6-digit code the app shows.</source>
        <translation>1. 在手机上打开身份验证器应用（例如 Google 身份验证器或 Microsoft Authenticator）。
2. 扫描此二维码，或手动输入下方密钥。
3. 输入应用显示的6位验证码。</translation>
    </message>
    <message>
        <source>Key for manual entry</source>
        <translation>手动输入密钥</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
</context>
<context>
    <name>TwoFactorPage</name>
    <message>
        <source>QR code for your authenticator app</source>
        <translation>身份验证器二维码</translation>
    </message>
    <message>
        <source>1. Open an authenticator app on your phone (for example Google Authenticator or Microsoft Authenticator).
2. Scan this QR code, or type the key below.
3. Enter the 6-digit code the app shows.</source>
        <translation>1. 在手机上打开身份验证器应用（例如 Google 身份验证器或 Microsoft Authenticator）。
2. 扫描此二维码，或手动输入下方密钥。
3. 输入应用显示的6位验证码。</translation>
    </message>
    <message>
        <source>Key for manual entry</source>
        <translation>手动输入密钥</translation>
    </message>
    <message>
        <source>&amp;Code from the app</source>
        <translation>应用中的验证码(&amp;C)</translation>
    </message>
    <message>
        <source>Code from the authenticator app</source>
        <translation>身份验证器中的验证码</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>No authenticator app? Codes can come by text message instead.</source>
        <translation>没有身份验证器应用？也可以通过短信接收验证码。</translation>
    </message>
    <message>
        <source>Use &amp;SMS codes instead</source>
        <translation>改用短信验证码(&amp;S)</translation>
    </message>
</context>
<context>
    <name>bw::app</name>
    <message>
        <source>Cannot create the data folder %1. Check that the disk is not full and that you may write there, or choose another folder with --data-dir.</source>
        <translation>无法创建数据文件夹 %1。请检查磁盘是否已满以及您是否有写入权限,或用 --data-dir 选择其他文件夹。</translation>
    </message>
    <message>
        <source>BankWallet — the digital wallet from your bank.</source>
        <translation>BankWallet —— 您的银行提供的数字钱包。</translation>
    </message>
    <message>
        <source>Language of the interface: en or zh_CN.</source>
        <translation>界面语言:en 或 zh_CN。</translation>
    </message>
    <message>
        <source>Keep everything BankWallet writes (database, settings, logs) in &lt;dir&gt;.</source>
        <translation>将 BankWallet 写入的所有内容(数据库、设置、日志)保存在 &lt;dir&gt; 中。</translation>
    </message>
    <message>
        <source>Try 'bankwallet --help' for more.</source>
        <translation>更多信息请运行 'bankwallet --help'。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>无法识别的参数:%1</translation>
    </message>
    <message>
        <source>Unknown language '%1'. Use en or zh_CN.</source>
        <translation>未知语言 '%1'。请使用 en 或 zh_CN。</translation>
    </message>
    <message>
        <source>--data-dir needs a folder.</source>
        <translation>--data-dir 需要指定一个文件夹。</translation>
    </message>
    <message>
        <source>BankWallet cannot start</source>
        <translation>BankWallet 无法启动</translation>
    </message>
    <message>
        <source>Talk to the bank gateway at &lt;url&gt; instead of the built-in demo bank.</source>
        <translation>连接位于 &lt;url&gt; 的银行网关,而不是内置的演示银行。</translation>
    </message>
    <message>
        <source>Demo mode for bank staff: the built-in demo bank shows the codes it sends and offers staff actions.</source>
        <translation>银行员工演示模式:内置演示银行会显示它发送的验证码,并提供员工操作。</translation>
    </message>
    <message>
        <source>'%1' is not a gateway address. Use http:// or https:// followed by a host, for example https://bank.example:8443.</source>
        <translation>“%1”不是网关地址。请使用 http:// 或 https:// 加主机名,例如 https://bank.example:8443。</translation>
    </message>
    <message>
        <source>--demo runs the built-in demo bank, so it cannot be combined with --gateway.</source>
        <translation>--demo 会运行内置演示银行,因此不能与 --gateway 同时使用。</translation>
    </message>
    <message>
        <source>The built-in demo bank could not start (%1). Check that the data folder is writable, or connect to a bank with --gateway.</source>
        <translation>内置演示银行无法启动(%1)。请检查数据文件夹是否可写,或用 --gateway 连接银行。</translation>
    </message>
    <message>
        <source>BankWallet</source>
        <translation>BankWallet</translation>
    </message>
    <message>
        <source>A payment link (bankwallet:pay?...) to open in the Pay dialog after you sign in.</source>
        <translation>登录后在付款对话框中打开的付款链接（bankwallet:pay?...）。</translation>
    </message>
    <message>
        <source>This payment link cannot be opened: %1</source>
        <translation>无法打开此付款链接：%1</translation>
    </message>
    <message>
        <source>Switch log categories on or off, e.g. "bw.gateway.debug=true;bw.stub.*=false" (categories: bw.app, bw.gateway, bw.keychain, bw.services, bw.storage, bw.stub, bw.ui). The log is in the data folder, under logs/.</source>
        <translation>开启或关闭日志类别，例如 "bw.gateway.debug=true;bw.stub.*=false"（类别：bw.app、bw.gateway、bw.keychain、bw.services、bw.storage、bw.stub、bw.ui）。日志位于数据文件夹的 logs/ 下。</translation>
    </message>
    <message>
        <source>Log debug messages of every BankWallet category (the same as --log "bw.*.debug=true").</source>
        <translation>记录 BankWallet 所有类别的调试信息（等同于 --log "bw.*.debug=true"）。</translation>
    </message>
    <message>
        <source>'%1' is not a log rule. Write &lt;category&gt;[.&lt;level&gt;]=true|false, for example bw.gateway.debug=true.</source>
        <translation>“%1”不是有效的日志规则。请写成 &lt;类别&gt;[.&lt;级别&gt;]=true|false，例如 bw.gateway.debug=true。</translation>
    </message>
    <message>
        <source>BankWallet cannot lock its data folder %1. Check that you may write there, or choose another folder with --data-dir.</source>
        <translation>BankWallet 无法锁定其数据文件夹 %1。请检查您是否有写入权限，或使用 --data-dir 选择其他文件夹。</translation>
    </message>
    <message>
        <source>BankWallet is already running with the data folder %1, but it does not answer. Close it (or wait until it has started) and try again.</source>
        <translation>BankWallet 已在使用数据文件夹 %1 运行，但没有响应。请关闭它（或等待其启动完成）后重试。</translation>
    </message>
    <message>
        <source>The running BankWallet refused this request.</source>
        <translation>正在运行的 BankWallet 拒绝了此请求。</translation>
    </message>
    <message>
        <source>BankWallet is already running with this data folder; it has been brought to the front.</source>
        <translation>BankWallet 已在使用此数据文件夹运行，已将其窗口切换到前台。</translation>
    </message>
</context>
<context>
    <name>bw::core::Currency</name>
    <message>
        <source>Australian Dollar</source>
        <translation>澳大利亚元</translation>
    </message>
    <message>
        <source>Bahraini Dinar</source>
        <translation>巴林第纳尔</translation>
    </message>
    <message>
        <source>Canadian Dollar</source>
        <translation>加拿大元</translation>
    </message>
    <message>
        <source>Swiss Franc</source>
        <translation>瑞士法郎</translation>
    </message>
    <message>
        <source>Chinese Yuan</source>
        <translation>人民币</translation>
    </message>
    <message>
        <source>Euro</source>
        <translation>欧元</translation>
    </message>
    <message>
        <source>British Pound</source>
        <translation>英镑</translation>
    </message>
    <message>
        <source>Hong Kong Dollar</source>
        <translation>港元</translation>
    </message>
    <message>
        <source>Indian Rupee</source>
        <translation>印度卢比</translation>
    </message>
    <message>
        <source>Japanese Yen</source>
        <translation>日元</translation>
    </message>
    <message>
        <source>South Korean Won</source>
        <translation>韩元</translation>
    </message>
    <message>
        <source>Kuwaiti Dinar</source>
        <translation>科威特第纳尔</translation>
    </message>
    <message>
        <source>Macanese Pataca</source>
        <translation>澳门元</translation>
    </message>
    <message>
        <source>Malaysian Ringgit</source>
        <translation>马来西亚林吉特</translation>
    </message>
    <message>
        <source>New Zealand Dollar</source>
        <translation>新西兰元</translation>
    </message>
    <message>
        <source>Singapore Dollar</source>
        <translation>新加坡元</translation>
    </message>
    <message>
        <source>Thai Baht</source>
        <translation>泰铢</translation>
    </message>
    <message>
        <source>New Taiwan Dollar</source>
        <translation>新台币</translation>
    </message>
    <message>
        <source>US Dollar</source>
        <translation>美元</translation>
    </message>
</context>
<context>
    <name>bw::core::Money</name>
    <message>
        <source>No currency was chosen for this amount.</source>
        <translation>未选择此金额的币种。</translation>
    </message>
    <message>
        <source>These amounts are in different currencies.</source>
        <extracomment>Adding or comparing, e.g., yuan and dollars without converting first.</extracomment>
        <translation>这些金额的币种不同。</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <source>The bank sent an exchange or fee rate that cannot be used. Try again later.</source>
        <extracomment>An exchange rate or fee rate received from the bank could not be used.</extracomment>
        <translation>银行返回的汇率或费率无法使用。请稍后重试。</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <source>Enter the amount as a number, for example 1,234.50.</source>
        <translation>请输入数字金额,例如 1,234.50。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>The amount has too many decimal places.</source>
        <translation>金额的小数位数过多。</translation>
    </message>
    <message>
        <source>Amounts in %1 have no decimal places.</source>
        <extracomment>%1 is a currency code such as JPY.</extracomment>
        <translation>%1 金额没有小数位。</translation>
    </message>
    <message>
        <source>Enter an amount in %1.</source>
        <extracomment>%1 is a currency code such as CNY.</extracomment>
        <translation>请输入以 %1 计价的金额。</translation>
    </message>
    <message>
        <source>Decimal places allowed in %1 amounts: %2.</source>
        <extracomment>%1 is a currency code such as CNY; %2 is the number of decimal places allowed.</extracomment>
        <translation>%1 金额最多允许 %2 位小数。</translation>
    </message>
</context>
<context>
    <name>bw::core::PaymentLink</name>
    <message>
        <source>Paste or scan a payment link.</source>
        <translation>请粘贴或扫描付款链接。</translation>
    </message>
    <message>
        <source>This payment link is too long. Ask the payee for a new one.</source>
        <translation>此付款链接过长。请向收款人索取新的链接。</translation>
    </message>
    <message>
        <source>This is not a BankWallet payment link (it must start with "bankwallet:pay?").</source>
        <translation>这不是 BankWallet 付款链接（应以“bankwallet:pay?”开头）。</translation>
    </message>
    <message>
        <source>This BankWallet link is not a payment request. Ask the payee for a payment link.</source>
        <translation>此 BankWallet 链接不是收款请求。请向收款人索取付款链接。</translation>
    </message>
    <message>
        <source>This payment link is damaged. Copy it again or scan the QR code again.</source>
        <translation>此付款链接已损坏。请重新复制链接或重新扫描二维码。</translation>
    </message>
    <message>
        <source>This payment link gives the same detail twice, so it cannot be trusted. Ask the payee for a new one.</source>
        <translation>此付款链接中有重复的信息，无法信任。请向收款人索取新的链接。</translation>
    </message>
    <message>
        <source>This payment link does not say whom to pay.</source>
        <translation>此付款链接没有注明收款人。</translation>
    </message>
    <message>
        <source>This payment link names two payees, so it cannot be trusted. Ask the payee for a new one.</source>
        <translation>此付款链接注明了两个收款人，无法信任。请向收款人索取新的链接。</translation>
    </message>
    <message>
        <source>The payee's phone number in this link is not valid.</source>
        <translation>此链接中收款人的手机号无效。</translation>
    </message>
    <message>
        <source>The merchant in this payment link is not valid.</source>
        <translation>此付款链接中的商户无效。</translation>
    </message>
    <message>
        <source>The amount in this payment link is not a valid amount.</source>
        <translation>此付款链接中的金额无效。</translation>
    </message>
    <message>
        <source>The amount in this payment link must be more than zero.</source>
        <translation>此付款链接中的金额必须大于零。</translation>
    </message>
    <message>
        <source>The amount in this payment link has more decimal places than its currency allows.</source>
        <translation>此付款链接中金额的小数位数超过了该币种允许的位数。</translation>
    </message>
    <message>
        <source>The amount in this payment link is too large.</source>
        <translation>此付款链接中的金额过大。</translation>
    </message>
    <message>
        <source>The currency in this payment link is not one BankWallet supports.</source>
        <translation>BankWallet 不支持此付款链接中的币种。</translation>
    </message>
    <message>
        <source>This payment link gives an amount without its currency.</source>
        <translation>此付款链接中的金额缺少币种。</translation>
    </message>
    <message>
        <source>This payment link gives a currency without an amount.</source>
        <translation>此付款链接中有币种但没有金额。</translation>
    </message>
    <message>
        <source>The note in this payment link is longer than 140 characters.</source>
        <translation>此付款链接中的备注超过 140 个字符。</translation>
    </message>
    <message>
        <source>The note in this payment link contains characters that are not allowed.</source>
        <translation>此付款链接中的备注包含不允许的字符。</translation>
    </message>
    <message>
        <source>The payee's name in this payment link is longer than 70 characters.</source>
        <translation>此付款链接中收款人姓名超过 70 个字符。</translation>
    </message>
    <message>
        <source>The payee's name in this payment link contains characters that are not allowed.</source>
        <translation>此付款链接中收款人姓名包含不允许的字符。</translation>
    </message>
    <message>
        <source>This payment link is not valid.</source>
        <translation>此付款链接无效。</translation>
    </message>
</context>
<context>
    <name>bw::core::Validation</name>
    <message>
        <source>Enter the card number.</source>
        <translation>请输入卡号。</translation>
    </message>
    <message>
        <source>A card number has digits only. Remove letters and other symbols; spaces and dashes are fine.</source>
        <translation>卡号只包含数字。请删除字母和其他符号;空格和连字符可以保留。</translation>
    </message>
    <message>
        <source>This card number has the wrong number of digits. Check it against your card.</source>
        <translation>卡号位数不正确。请对照您的卡片核对。</translation>
    </message>
    <message>
        <source>This card number is not valid. Check each digit against your card.</source>
        <translation>卡号无效。请对照您的卡片逐位核对。</translation>
    </message>
    <message>
        <source>Enter the IBAN.</source>
        <translation>请输入 IBAN。</translation>
    </message>
    <message>
        <source>An IBAN has letters and digits only. Remove other symbols; spaces are fine.</source>
        <translation>IBAN 只包含字母和数字。请删除其他符号;空格可以保留。</translation>
    </message>
    <message>
        <source>This IBAN does not start with the code of a country that uses IBANs. Check the first two letters.</source>
        <translation>此 IBAN 开头不是使用 IBAN 的国家代码。请检查前两个字母。</translation>
    </message>
    <message>
        <source>This IBAN has the wrong length for its country. Check that no character is missing or extra.</source>
        <translation>此 IBAN 的长度与其国家不符。请检查是否缺少或多出字符。</translation>
    </message>
    <message>
        <source>This IBAN is not valid; a character may be mistyped. Check it against your bank statement.</source>
        <translation>此 IBAN 无效,可能有字符输错。请对照您的银行对账单核对。</translation>
    </message>
    <message>
        <source>Enter your resident identity card number.</source>
        <translation>请输入您的居民身份证号码。</translation>
    </message>
    <message>
        <source>A resident identity card number has 18 characters. Check that none is missing or extra.</source>
        <translation>居民身份证号码共 18 位。请检查是否缺少或多出字符。</translation>
    </message>
    <message>
        <source>A resident identity card number has 17 digits followed by a digit or the letter X.</source>
        <translation>居民身份证号码由 17 位数字加 1 位数字或字母 X 组成。</translation>
    </message>
    <message>
        <source>The date of birth inside this identity card number is not a real date. Check the number.</source>
        <translation>此身份证号码中的出生日期不是有效日期。请核对号码。</translation>
    </message>
    <message>
        <source>The date of birth inside this identity card number is in the future. Check the number.</source>
        <translation>此身份证号码中的出生日期晚于今天。请核对号码。</translation>
    </message>
    <message>
        <source>This identity card number is not valid; a character may be mistyped. Check it against your card.</source>
        <translation>此身份证号码无效,可能有字符输错。请对照您的证件核对。</translation>
    </message>
    <message>
        <source>Enter your mobile phone number.</source>
        <translation>请输入您的手机号码。</translation>
    </message>
    <message>
        <source>A phone number has digits only, after a + at the start. Spaces and dashes are fine.</source>
        <translation>电话号码以 + 开头,其后只包含数字。空格和连字符可以保留。</translation>
    </message>
    <message>
        <source>Start the phone number with + and the country code, for example +86 138 0013 8000.</source>
        <translation>请以 + 和国家代码开头输入电话号码,例如 +86 138 0013 8000。</translation>
    </message>
    <message>
        <source>No country uses this calling code. Check the digits after the +.</source>
        <translation>没有国家使用此国际区号。请检查 + 后面的数字。</translation>
    </message>
    <message>
        <source>A mainland China mobile number has 11 digits and starts with 1, for example +86 138 0013 8000.</source>
        <translation>中国大陆手机号码为 11 位并以 1 开头,例如 +86 138 0013 8000。</translation>
    </message>
    <message>
        <source>This phone number is too short. Check that no digit is missing.</source>
        <translation>电话号码太短。请检查是否缺少数字。</translation>
    </message>
    <message>
        <source>A phone number has at most 15 digits, country code included.</source>
        <translation>电话号码(含国家代码)最多 15 位数字。</translation>
    </message>
    <message>
        <source>This phone number is not valid. Check it.</source>
        <translation>电话号码无效。请核对。</translation>
    </message>
    <message>
        <source>Enter your e-mail address.</source>
        <translation>请输入您的电子邮箱地址。</translation>
    </message>
    <message>
        <source>An e-mail address needs an @, as in name@example.com.</source>
        <translation>电子邮箱地址需要包含 @,例如 name@example.com。</translation>
    </message>
    <message>
        <source>An e-mail address has exactly one @.</source>
        <translation>电子邮箱地址只能包含一个 @。</translation>
    </message>
    <message>
        <source>Remove spaces and invisible characters from the e-mail address.</source>
        <translation>请删除电子邮箱地址中的空格和不可见字符。</translation>
    </message>
    <message>
        <source>The part before the @ must have 1 to 64 characters.</source>
        <translation>@ 之前的部分须为 1 至 64 个字符。</translation>
    </message>
    <message>
        <source>An e-mail address has at most 254 characters.</source>
        <translation>电子邮箱地址最多 254 个字符。</translation>
    </message>
    <message>
        <source>The part after the @ must be a domain such as example.com: letters, digits and hyphens, with at least one dot.</source>
        <translation>@ 之后的部分必须是域名,例如 example.com:由字母、数字和连字符组成,且至少包含一个点。</translation>
    </message>
    <message>
        <source>Enter your full name.</source>
        <translation>请输入您的姓名。</translation>
    </message>
    <message>
        <source>A name has at most 100 characters.</source>
        <translation>姓名最多 100 个字符。</translation>
    </message>
    <message>
        <source>A name cannot contain digits. Remove them.</source>
        <translation>姓名不能包含数字。请删除数字。</translation>
    </message>
    <message>
        <source>Remove invisible or control characters from the name.</source>
        <translation>请删除姓名中的不可见字符或控制字符。</translation>
    </message>
    <message>
        <source>Use at least 8 characters for your password.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>Use at most 128 characters for your password.</source>
        <translation>密码最多 128 个字符。</translation>
    </message>
    <message>
        <source>Do not use your phone number in your password. Choose another.</source>
        <translation>密码中不要包含您的手机号码。请换一个。</translation>
    </message>
    <message>
        <source>Do not use your name in your password. Choose another.</source>
        <translation>密码中不要包含您的姓名。请换一个。</translation>
    </message>
    <message>
        <source>This password is too common and easy to guess. Choose another.</source>
        <translation>此密码过于常见,容易被猜到。请换一个。</translation>
    </message>
    <message>
        <source>Do not use the same digit six times. Choose another PIN.</source>
        <translation>不要使用六个相同的数字。请换一个支付密码。</translation>
    </message>
    <message>
        <source>Do not use digits in order, such as 123456 or 654321. Choose another PIN.</source>
        <translation>不要使用连续的数字,例如 123456 或 654321。请换一个支付密码。</translation>
    </message>
    <message>
        <source>Do not use your date of birth as your PIN. Choose another.</source>
        <translation>不要用出生日期作为支付密码。请换一个。</translation>
    </message>
    <message>
        <source>The payment PIN must be exactly 6 digits.</source>
        <translation>支付密码必须是 6 位数字。</translation>
    </message>
    <message>
        <source>Cards of this type are not supported. Use a Visa, Mastercard, UnionPay, American Express or JCB card.</source>
        <translation>不支持此类卡片。请使用 Visa、Mastercard、银联、American Express 或 JCB 卡。</translation>
    </message>
    <message>
        <source>This card has expired. Use a card that is still valid.</source>
        <translation>此卡已过期。请使用仍在有效期内的卡。</translation>
    </message>
    <message>
        <source>Enter the expiry month as shown on the card, from 01 to 12.</source>
        <translation>请按卡面输入有效期月份,01 至 12。</translation>
    </message>
    <message>
        <source>Enter the expiry year as shown on the card, for example 28 or 2028.</source>
        <translation>请按卡面输入有效期年份,例如 28 或 2028。</translation>
    </message>
    <message>
        <source>Enter the security code: the 3 digits on the back of the card, or the 4 digits on the front of an American Express card.</source>
        <translation>请输入安全码:卡背面的 3 位数字,American Express 卡为正面的 4 位数字。</translation>
    </message>
    <message>
        <source>Enter the account number.</source>
        <translation>请输入账号。</translation>
    </message>
    <message>
        <source>An account number has 8 to 30 digits. Check it against your bank statement.</source>
        <translation>账号为 8 至 30 位数字。请对照您的银行对账单核对。</translation>
    </message>
    <message>
        <source>Enter your date of birth as a real date.</source>
        <translation>请输入有效的出生日期。</translation>
    </message>
    <message>
        <source>The date of birth does not match the identity card number. Check both.</source>
        <translation>出生日期与身份证号码不符。请核对两者。</translation>
    </message>
    <message>
        <source>Visa</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>Mastercard</source>
        <translation>Mastercard</translation>
    </message>
    <message>
        <source>UnionPay</source>
        <extracomment>Card brand; the Chinese name is 银联.</extracomment>
        <translation>银联</translation>
    </message>
    <message>
        <source>American Express</source>
        <translation>American Express</translation>
    </message>
    <message>
        <source>JCB</source>
        <translation>JCB</translation>
    </message>
    <message>
        <source>Remove tabs, line breaks and other control characters from your password.</source>
        <extracomment>Shown when a typed or pasted password holds a tab, line break or another invisible control character, which a password may not contain.</extracomment>
        <translation>请删除密码中的制表符、换行符及其他控制字符。</translation>
    </message>
</context>
<context>
    <name>bw::gateway::GatewayError</name>
    <message>
        <source>The bank could not read the app's request. Please try again; if it keeps happening, update the app.</source>
        <translation>银行无法读取应用发送的请求。请重试；如果问题持续出现，请更新应用。</translation>
    </message>
    <message>
        <source>Some required information was missing. Check the form and try again.</source>
        <translation>缺少部分必填信息。请检查表单后重试。</translation>
    </message>
    <message>
        <source>Some of the information is not in the expected form. Check the form and try again.</source>
        <translation>部分信息的格式不正确。请检查表单后重试。</translation>
    </message>
    <message>
        <source>The payment could not be sent safely. Please try again.</source>
        <translation>无法安全地发送这笔付款。请重试。</translation>
    </message>
    <message>
        <source>The payment could not be sent safely. Please start it again.</source>
        <translation>无法安全地发送这笔付款。请重新发起付款。</translation>
    </message>
    <message>
        <source>The bank could not find what you asked for. It may have been removed. Refresh and try again.</source>
        <translation>银行找不到您请求的内容，它可能已被删除。请刷新后重试。</translation>
    </message>
    <message>
        <source>The bank does not support this action. Update the app.</source>
        <translation>银行不支持此操作。请更新应用。</translation>
    </message>
    <message>
        <source>The request is too large. Shorten the text you entered and try again.</source>
        <translation>请求内容过长。请缩短您输入的文字后重试。</translation>
    </message>
    <message>
        <source>A wallet with this phone number already exists. Sign in, or use "Forgot password".</source>
        <translation>该手机号已开通钱包。请直接登录，或使用“忘记密码”。</translation>
    </message>
    <message>
        <source>Verify your phone number (and identity, if asked) before creating the wallet.</source>
        <translation>请先验证手机号（如有要求，还需验证身份），再开通钱包。</translation>
    </message>
    <message>
        <source>The price offer has expired. Review the payment again to get a new one.</source>
        <translation>报价已过期。请重新确认付款以获取新的报价。</translation>
    </message>
    <message>
        <source>This payment was already made. Check your history before paying again.</source>
        <translation>这笔付款已完成。再次付款前请先查看交易记录。</translation>
    </message>
    <message>
        <source>This payment was already sent with different details. Start a new payment.</source>
        <translation>这笔付款已用不同的信息提交过。请发起新的付款。</translation>
    </message>
    <message>
        <source>This payment is still being processed. Wait a moment and check your history.</source>
        <translation>这笔付款仍在处理中。请稍候并查看交易记录。</translation>
    </message>
    <message>
        <source>This bank does not offer the wallet yet. Choose another bank.</source>
        <translation>该银行暂不支持开通钱包。请选择其他银行。</translation>
    </message>
    <message>
        <source>The name on the card or account must be the wallet owner's name.</source>
        <translation>银行卡或账户上的姓名必须与钱包持有人一致。</translation>
    </message>
    <message>
        <source>This desktop is not set up for your wallet. Add this device again.</source>
        <translation>这台电脑尚未绑定您的钱包。请重新添加此设备。</translation>
    </message>
    <message>
        <source>The bank did not accept this device's signature. Add this device again.</source>
        <translation>银行未接受此设备的签名。请重新添加此设备。</translation>
    </message>
    <message>
        <source>This device was removed from your wallet. Add it again to continue.</source>
        <translation>此设备已从您的钱包中移除。请重新添加后继续。</translation>
    </message>
    <message>
        <source>Your computer's clock is wrong by more than 5 minutes. Correct the date and time, then try again.</source>
        <translation>您电脑的时间误差超过 5 分钟。请校正日期和时间后重试。</translation>
    </message>
    <message>
        <source>The bank received this request twice and ignored the copy. Try again.</source>
        <translation>银行收到了两次相同的请求，已忽略重复的那一次。请重试。</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>请重新登录。</translation>
    </message>
    <message>
        <source>You were signed out after a period of inactivity. Sign in again.</source>
        <translation>由于一段时间未操作，您已退出登录。请重新登录。</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>The payment PIN is wrong.</source>
        <translation>支付密码错误。</translation>
    </message>
    <message>
        <source>This payment needs a verification code. Enter the code from your authenticator app or the SMS.</source>
        <translation>这笔付款需要验证码。请输入身份验证器应用或短信中的验证码。</translation>
    </message>
    <message>
        <source>The verification code is wrong.</source>
        <translation>验证码错误。</translation>
    </message>
    <message>
        <source>The verification code has expired. Request a new one.</source>
        <translation>验证码已过期。请重新获取。</translation>
    </message>
    <message>
        <source>Sign-in is locked after too many wrong passwords. Try again in 15 minutes, or reset your password.</source>
        <translation>密码错误次数过多，登录已被锁定。请 15 分钟后重试，或重置密码。</translation>
    </message>
    <message>
        <source>Payments are frozen after too many wrong PINs. Change your payment PIN in Security to unfreeze them.</source>
        <translation>支付密码错误次数过多，付款已被冻结。请在“安全”中修改支付密码以解除冻结。</translation>
    </message>
    <message>
        <source>Too many wrong codes. Start again to get a new code.</source>
        <translation>验证码错误次数过多。请重新开始以获取新的验证码。</translation>
    </message>
    <message>
        <source>Your wallet's level does not allow this. Verify your identity or link a bank card to upgrade it.</source>
        <translation>您的钱包等级不支持此操作。请验证身份或绑定银行卡以升级钱包。</translation>
    </message>
    <message>
        <source>Cross-border payments of this size need a verified identity. Verify your identity first.</source>
        <translation>此金额的跨境付款需要已验证的身份。请先验证身份。</translation>
    </message>
    <message>
        <source>This payment is over your wallet's limit.</source>
        <translation>这笔付款超出了您钱包的限额。</translation>
    </message>
    <message>
        <source>Your wallet balance is too low for this payment. Top up first.</source>
        <translation>钱包余额不足以支付这笔款项。请先充值。</translation>
    </message>
    <message>
        <source>The card was declined. Use another card or contact your bank.</source>
        <translation>银行卡被拒绝。请使用其他卡片或联系您的银行。</translation>
    </message>
    <message>
        <source>The card does not have enough funds. Use another card.</source>
        <translation>银行卡余额不足。请使用其他卡片。</translation>
    </message>
    <message>
        <source>The card's security code (CVC) is wrong. Check it and add the card again.</source>
        <translation>银行卡安全码（CVC）错误。请核对后重新添加该卡。</translation>
    </message>
    <message>
        <source>A code was sent a moment ago. Wait a minute before asking for a new one.</source>
        <translation>验证码刚刚已发送。请等待一分钟后再重新获取。</translation>
    </message>
    <message>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>请求过于频繁。请稍候再试。</translation>
    </message>
    <message>
        <source>The bank had a problem. Nothing was changed. Try again later.</source>
        <translation>银行系统出现问题，未做任何更改。请稍后重试。</translation>
    </message>
    <message>
        <source>The bank is temporarily unavailable. Nothing was changed. Try again.</source>
        <translation>银行暂时无法提供服务，未做任何更改。请重试。</translation>
    </message>
    <message>
        <source>This payment is no longer waiting for a review.</source>
        <translation>这笔付款已不在等待审核状态。</translation>
    </message>
    <message>
        <source>Verified wallets are for people aged 16 or older.</source>
        <translation>实名钱包仅面向年满 16 周岁的用户。</translation>
    </message>
    <message>
        <source>The bank cannot serve this name because of legal restrictions. Contact the bank.</source>
        <translation>由于法律限制，银行无法为该姓名提供服务。请联系银行。</translation>
    </message>
    <message>
        <source>The bank must review this name before continuing. This usually takes one working day.</source>
        <translation>银行需要先审核该姓名才能继续，通常需要一个工作日。</translation>
    </message>
    <message>
        <source>This payment is over your wallet's limit for a single payment.</source>
        <translation>这笔付款超出了您钱包的单笔限额。</translation>
    </message>
    <message>
        <source>This payment is over what your wallet may still pay today.</source>
        <translation>这笔付款超出了您钱包今日的剩余可用额度。</translation>
    </message>
    <message>
        <source>This payment is over what your wallet may still pay this year.</source>
        <translation>这笔付款超出了您钱包本年度的剩余可用额度。</translation>
    </message>
    <message>
        <source>This would take your balance over your wallet's maximum balance.</source>
        <translation>这会使您的余额超过钱包的余额上限。</translation>
    </message>
    <message>
        <source>The bank could not complete this request. Try again later.</source>
        <translation>银行无法完成此请求。请稍后重试。</translation>
    </message>
    <message>
        <source>Cannot reach the bank. Check your internet connection and try again.</source>
        <translation>无法连接银行。请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>The bank did not answer in time. Check your connection and try again.</source>
        <translation>银行未能及时响应。请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>The connection to the bank is not secure: the server could not prove it is your bank. Check the gateway address in Settings.</source>
        <translation>与银行的连接不安全：服务器无法证明它是您的银行。请在“设置”中检查网关地址。</translation>
    </message>
    <message>
        <source>The bank sent an unexpected answer. Try again later.</source>
        <translation>银行返回了意外的响应。请稍后重试。</translation>
    </message>
    <message>
        <source>The bank's answer could not be read. Update the app or try again later.</source>
        <translation>无法读取银行的响应。请更新应用或稍后重试。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>The gateway address must start with https:// (plain http:// is only allowed for this computer).</source>
        <translation>网关地址必须以 https:// 开头（仅本机地址允许使用 http://）。</translation>
    </message>
    <message>
        <source>This desktop is not set up for a wallet yet. Open a wallet or add this device.</source>
        <translation>这台电脑尚未绑定钱包。请开通钱包或添加此设备。</translation>
    </message>
    <message>
        <source>The gateway address is not valid. Check it in Settings.</source>
        <translation>网关地址无效。请在“设置”中检查。</translation>
    </message>
    <message>
        <source>Attempts left before payments are frozen: %1.</source>
        <translation>距离支付被冻结还剩 %1 次机会。</translation>
    </message>
    <message>
        <source>Attempts left before sign-in is locked for 15 minutes: %1.</source>
        <translation>距离登录被锁定 15 分钟还剩 %1 次机会。</translation>
    </message>
    <message>
        <source>Attempts left: %1.</source>
        <translation>剩余尝试次数：%1。</translation>
    </message>
    <message>
        <source>No attempts are left: request a new code.</source>
        <translation>已没有剩余尝试次数：请重新获取验证码。</translation>
    </message>
    <message>
        <source>Sign-in is locked after too many wrong passwords. Try again after %1, or reset your password.</source>
        <translation>密码错误次数过多，登录已被锁定。请在 %1 之后重试，或重置密码。</translation>
    </message>
    <message>
        <source>You can try again in %1 s.</source>
        <translation>请在 %1 秒后重试。</translation>
    </message>
</context>
<context>
    <name>bw::models::BanksModel</name>
    <message>
        <source>This bank does not offer wallets yet.</source>
        <translation>该银行暂未开通钱包服务。</translation>
    </message>
</context>
<context>
    <name>bw::models::HistoryModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>交易对方</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>交易后余额</translation>
    </message>
</context>
<context>
    <name>bw::models::MerchantsModel</name>
    <message>
        <source>Cross-border: paid in %1, with a currency conversion and cross-border fee.</source>
        <translation>跨境商户：以 %1 支付，需支付货币兑换费和跨境手续费。</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
</context>
<context>
    <name>bw::models::ModelLabels</name>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>提现</translation>
    </message>
    <message>
        <source>Money received</source>
        <translation>收到款项</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Books</source>
        <translation>图书</translation>
    </message>
    <message>
        <source>Coffee</source>
        <translation>咖啡</translation>
    </message>
    <message>
        <source>Dining</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <source>Electronics</source>
        <translation>电子产品</translation>
    </message>
    <message>
        <source>Groceries</source>
        <translation>日用杂货</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>交通出行</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>旅行</translation>
    </message>
    <message>
        <source>Utilities</source>
        <translation>生活缴费</translation>
    </message>
    <message>
        <source>UnionPay</source>
        <translation>银联</translation>
    </message>
</context>
<context>
    <name>bw::models::PaymentMethodsModel</name>
    <message>
        <source>%1 account</source>
        <translation>%1 账户</translation>
    </message>
    <message>
        <source>%1 debit card</source>
        <translation>%1 借记卡</translation>
    </message>
    <message>
        <source>%1 credit card</source>
        <translation>%1 信用卡</translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation>%1 已过期</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
</context>
<context>
    <name>bw::services::DemoService</name>
    <message>
        <source>There is no wallet on this computer yet.</source>
        <translation>这台电脑上还没有钱包。</translation>
    </message>
    <message>
        <source>Sign in to the wallet first.</source>
        <translation>请先登录钱包。</translation>
    </message>
</context>
<context>
    <name>bw::services::HistoryExporter</name>
    <message>
        <source>Date and time</source>
        <translation>交易时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>交易对方</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>交易后余额</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>回单编号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>交易流水号</translation>
    </message>
    <message>
        <source>The export was cancelled. No file was saved.</source>
        <translation>导出已取消，未保存任何文件。</translation>
    </message>
    <message>
        <source>The file %1 cannot be created there. Choose a folder you can write to, such as Documents, and export again.</source>
        <translation>无法在该位置创建文件 %1。请选择一个有写入权限的文件夹（例如“文档”），然后重新导出。</translation>
    </message>
    <message>
        <source>The file could not be written completely, so it was not saved. The disk may be full: free some space or choose another place, and export again.</source>
        <translation>文件未能完整写入，因此没有保存。磁盘空间可能已满：请释放一些空间或选择其他位置，然后重新导出。</translation>
    </message>
</context>
<context>
    <name>bw::services::HistoryService</name>
    <message>
        <source>Sign in to update your history.</source>
        <translation>请登录以更新交易记录。</translation>
    </message>
    <message>
        <source>The wallet's data on this computer is not open yet.</source>
        <translation>本机上的钱包数据尚未打开。</translation>
    </message>
    <message>
        <source>The bank sent history the app cannot read. Please try again later.</source>
        <translation>银行发来的交易记录无法读取，请稍后重试。</translation>
    </message>
    <message>
        <source>Updating the history was cancelled.</source>
        <translation>交易记录更新已取消。</translation>
    </message>
</context>
<context>
    <name>bw::services::InsightsService</name>
    <message>
        <source>Choose a period whose first day is not after its last day.</source>
        <translation>请选择开始日期不晚于结束日期的时间范围。</translation>
    </message>
    <message>
        <source>The wallet's history is not open yet. Sign in and try again.</source>
        <translation>钱包的交易记录尚未打开。请登录后重试。</translation>
    </message>
</context>
<context>
    <name>bw::services::OnboardingService</name>
    <message>
        <source>Please wait for the current step to finish.</source>
        <translation>请等待当前步骤完成。</translation>
    </message>
    <message>
        <source>This step is not available now. Continue where the wallet setup stopped.</source>
        <translation>此步骤当前不可用。请从钱包开通中断的地方继续。</translation>
    </message>
    <message>
        <source>The wallet setup has not been loaded yet. Please try again.</source>
        <translation>钱包开通进度尚未加载。请重试。</translation>
    </message>
    <message>
        <source>Choose your bank to continue.</source>
        <translation>请选择您的银行以继续。</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>桌面电脑</translation>
    </message>
    <message>
        <source>Sign in with your password to continue setting up your wallet.</source>
        <translation>请输入密码登录，以继续开通钱包。</translation>
    </message>
    <message>
        <source>The authenticator app could not be turned on. Try again.</source>
        <translation>无法启用身份验证器应用。请重试。</translation>
    </message>
</context>
<context>
    <name>bw::services::PaymentMethodService</name>
    <message>
        <source>Sign in to manage your cards and accounts.</source>
        <translation>请登录后管理您的银行卡和账户。</translation>
    </message>
    <message>
        <source>Choose the bank that holds the account.</source>
        <translation>请选择开立该账户的银行。</translation>
    </message>
</context>
<context>
    <name>bw::services::PaymentState</name>
    <message>
        <source>Preparing the payment…</source>
        <translation>正在准备付款…</translation>
    </message>
    <message>
        <source>Sending the payment to the bank…</source>
        <translation>正在将付款发送至银行…</translation>
    </message>
    <message>
        <source>Payment successful.</source>
        <translation>付款成功。</translation>
    </message>
    <message>
        <source>Money sent.</source>
        <translation>转账成功。</translation>
    </message>
    <message>
        <source>Top-up successful.</source>
        <translation>充值成功。</translation>
    </message>
    <message>
        <source>Withdrawal successful.</source>
        <translation>提现成功。</translation>
    </message>
    <message>
        <source>The bank is processing the payment. Its result will appear in your history.</source>
        <translation>银行正在处理这笔付款，结果将显示在您的交易记录中。</translation>
    </message>
    <message>
        <source>The payment is held for a compliance review. The money stays reserved until the bank decides.</source>
        <translation>这笔付款正在接受合规审核。在银行作出决定之前，资金将保持冻结。</translation>
    </message>
    <message>
        <source>The bank rejected the payment.</source>
        <translation>银行拒绝了这笔付款。</translation>
    </message>
    <message>
        <source>The bank rejected the payment: %1</source>
        <translation>银行拒绝了这笔付款：%1</translation>
    </message>
    <message>
        <source>The payment could not be recorded on this computer, so nothing was sent. Check the free disk space and try again.</source>
        <translation>无法在本机记录这笔付款，因此没有发送任何请求。请检查磁盘剩余空间后重试。</translation>
    </message>
    <message>
        <source>The payment was not made.</source>
        <translation>付款未完成。</translation>
    </message>
    <message>
        <source>The bank's answer did not arrive. BankWallet is checking whether the payment went through; it will never be made twice.</source>
        <translation>未收到银行的答复。BankWallet 正在核实这笔付款是否成功；同一笔付款绝不会重复扣款。</translation>
    </message>
    <message>
        <source>The payment never reached the bank and its quote has expired, so nothing was paid. You can start the payment again.</source>
        <translation>这笔付款未到达银行，且报价已过期，因此没有发生任何扣款。您可以重新发起付款。</translation>
    </message>
</context>
<context>
    <name>bw::services::SecurityService</name>
    <message>
        <source>Sign in to change your security settings.</source>
        <translation>请先登录，再修改安全设置。</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app or the SMS.</source>
        <translation>请输入身份验证器或短信中的6位验证码。</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app.</source>
        <translation>请输入身份验证器中的6位验证码。</translation>
    </message>
    <message>
        <source>Choose the device to remove.</source>
        <translation>请选择要移除的设备。</translation>
    </message>
    <message>
        <source>This computer cannot remove itself. Sign out here, or remove it from another device.</source>
        <translation>无法在本机移除本机。请在本机退出登录，或在其他设备上移除它。</translation>
    </message>
</context>
<context>
    <name>bw::services::ServiceContext</name>
    <message>
        <source>Your wallet's data is not open yet. Sign in again.</source>
        <translation>钱包数据尚未打开，请重新登录。</translation>
    </message>
</context>
<context>
    <name>bw::services::SessionService</name>
    <message>
        <source>Signing in is already in progress.</source>
        <translation>正在登录，请稍候。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>This computer has no wallet yet. Open a wallet or add this computer to your wallet first.</source>
        <translation>此电脑上还没有钱包。请先开通钱包，或将此电脑添加到您的钱包。</translation>
    </message>
    <message>
        <source>Start the password reset again from the beginning.</source>
        <translation>请从头重新开始重置密码。</translation>
    </message>
    <message>
        <source>Confirm the code sent to your phone first.</source>
        <translation>请先确认发送到您手机的验证码。</translation>
    </message>
</context>
<context>
    <name>bw::services::SettingsService</name>
    <message>
        <source>This language is not available. Choose English or Simplified Chinese.</source>
        <translation>该语言不可用。请选择英文或简体中文。</translation>
    </message>
    <message>
        <source>Enter the gateway address as https://host or https://host:port.</source>
        <translation>请按 https://主机 或 https://主机:端口 的格式输入网关地址。</translation>
    </message>
    <message>
        <source>A remote gateway must use https. Plain http is only allowed to this computer (127.0.0.1 or localhost).</source>
        <translation>远程网关必须使用 https。仅连接本机（127.0.0.1 或 localhost）时才允许使用普通 http。</translation>
    </message>
    <message>
        <source>Choose an auto-lock time between %1 and %2 minutes.</source>
        <translation>请选择 %1 到 %2 分钟之间的自动锁定时间。</translation>
    </message>
    <message>
        <source>The settings could not be saved. Check that the data folder is writable.</source>
        <translation>无法保存设置。请检查数据文件夹是否可写。</translation>
    </message>
</context>
<context>
    <name>bw::services::WalletService</name>
    <message>
        <source>Sign in to see your wallet.</source>
        <translation>请登录后查看您的钱包。</translation>
    </message>
    <message>
        <source>Your wallet data is not open yet. Sign in again.</source>
        <translation>您的钱包数据尚未打开，请重新登录。</translation>
    </message>
    <message>
        <source>Your phone number is not saved on this computer. Sign out, then sign in again.</source>
        <translation>这台电脑上没有保存您的手机号。请退出登录后重新登录。</translation>
    </message>
</context>
<context>
    <name>bw::ui::AboutDialog</name>
    <message>
        <source>BankWallet is free software under the MIT licence. It comes with no warranty; your bank's terms of service govern your account.</source>
        <translation>BankWallet 是基于 MIT 许可证的自由软件,不提供任何担保;您的账户受银行服务条款约束。</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>许可证文本</translation>
    </message>
</context>
<context>
    <name>bw::ui::AddPaymentMethodDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Check your connection and try again.</source>
        <translation>请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>Sign in again, then add it.</source>
        <translation>请重新登录后再添加。</translation>
    </message>
    <message>
        <source>Check the card details or use another card.</source>
        <translation>请检查银行卡信息，或换一张卡。</translation>
    </message>
    <message>
        <source>Check the account details.</source>
        <translation>请检查账户信息。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>bw::ui::AppController</name>
    <message>
        <source>BankWallet keeps your wallet's keys in your desktop's keychain. Unlock the keychain (or start your desktop's password manager), then choose Retry.</source>
        <translation>BankWallet 将钱包密钥保存在桌面系统的钥匙串中。请解锁钥匙串（或启动桌面的密码管理器），然后点击“重试”。</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sign out of your wallet? You will need your password to sign in again.</source>
        <translation>要退出钱包吗？再次登录时需要输入登录密码。</translation>
    </message>
</context>
<context>
    <name>bw::ui::BankAccountForm</name>
    <message>
        <source>e.g. 6222 0200 0000 0000 or GB82 WEST 1234 5698 7654 32</source>
        <translation>例如 6222 0200 0000 0000 或 GB82 WEST 1234 5698 7654 32</translation>
    </message>
    <message>
        <source>China</source>
        <translation>中国</translation>
    </message>
    <message>
        <source>Hong Kong SAR</source>
        <translation>中国香港</translation>
    </message>
    <message>
        <source>Macao SAR</source>
        <translation>中国澳门</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>德国</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>瑞士</translation>
    </message>
    <message>
        <source>the United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>加拿大</translation>
    </message>
    <message>
        <source>the United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>France</source>
        <translation>法国</translation>
    </message>
    <message>
        <source>the Netherlands</source>
        <translation>荷兰</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>比利时</translation>
    </message>
    <message>
        <source>Luxembourg</source>
        <translation>卢森堡</translation>
    </message>
    <message>
        <source>Austria</source>
        <translation>奥地利</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>意大利</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation>西班牙</translation>
    </message>
    <message>
        <source>Portugal</source>
        <translation>葡萄牙</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>爱尔兰</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>波兰</translation>
    </message>
    <message>
        <source>Sweden</source>
        <translation>瑞典</translation>
    </message>
    <message>
        <source>Denmark</source>
        <translation>丹麦</translation>
    </message>
    <message>
        <source>Norway</source>
        <translation>挪威</translation>
    </message>
    <message>
        <source>Finland</source>
        <translation>芬兰</translation>
    </message>
    <message>
        <source>This IBAN is from %1, but %2 is in %3. Choose the bank that holds this account.</source>
        <translation>此 IBAN 属于%1，但%2位于%3。请选择开立该账户的银行。</translation>
    </message>
    <message>
        <source>This IBAN is not from %1, where %2 is. Choose the bank that holds this account.</source>
        <translation>此 IBAN 不属于%2所在的%1。请选择开立该账户的银行。</translation>
    </message>
    <message>
        <source>This IBAN is not from the country of %1. Choose the bank that holds this account.</source>
        <translation>此 IBAN 不属于%1所在的国家或地区。请选择开立该账户的银行。</translation>
    </message>
</context>
<context>
    <name>bw::ui::BankPage</name>
    <message>
        <source>Wallet not available yet</source>
        <translation>暂未开通钱包服务</translation>
    </message>
    <message>
        <source>Choose your bank</source>
        <translation>选择您的银行</translation>
    </message>
    <message>
        <source>Your wallet is opened by your bank. Pick the bank where you have an account.</source>
        <translation>钱包由您的银行为您开通。请选择您开户的银行。</translation>
    </message>
    <message>
        <source>Then press Retry.</source>
        <translation>然后点击“重试”。</translation>
    </message>
    <message>
        <source>Check your connection, then press Retry.</source>
        <translation>请检查网络连接，然后点击“重试”。</translation>
    </message>
    <message>
        <source>%1 does not offer the wallet yet. Choose another bank where you have an account, or ask your bank when it will offer BankWallet.</source>
        <translation>%1 暂未开通钱包服务。请选择您开户的其他银行，或向您的银行咨询何时开通 BankWallet。</translation>
    </message>
    <message>
        <source>Try again, or choose another bank.</source>
        <translation>请重试，或选择其他银行。</translation>
    </message>
    <message>
        <source>Try again.</source>
        <translation>请重试。</translation>
    </message>
</context>
<context>
    <name>bw::ui::CardForm</name>
    <message>
        <source>The 3 digits on the back of the card, or 4 on the front of an American Express card</source>
        <translation>卡背面的 3 位数字；美国运通卡为卡正面的 4 位数字</translation>
    </message>
</context>
<context>
    <name>bw::ui::ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Choose another password.</source>
        <translation>请换一个密码。</translation>
    </message>
</context>
<context>
    <name>bw::ui::ChangePinDialog</name>
    <message>
        <source>Change PIN</source>
        <translation>修改支付密码</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新支付密码</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>再次输入新支付密码</translation>
    </message>
    <message>
        <source>&amp;Code from your authenticator app</source>
        <translation>身份验证器中的验证码(&amp;C)</translation>
    </message>
    <message>
        <source>Code from the authenticator app</source>
        <translation>身份验证器中的验证码</translation>
    </message>
    <message>
        <source>Open your authenticator app and enter the 6-digit code it shows now.</source>
        <translation>打开身份验证器应用，输入当前显示的6位验证码。</translation>
    </message>
    <message>
        <source>SMS &amp;code</source>
        <translation>短信验证码(&amp;C)</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>短信验证码</translation>
    </message>
    <message>
        <source>Press "Send SMS code" and enter the code we text to your phone.</source>
        <translation>点击“发送短信验证码”，然后输入发送到您手机上的验证码。</translation>
    </message>
    <message>
        <source>The two PINs do not match. Type the new PIN again.</source>
        <translation>两次输入的支付密码不一致，请重新输入新支付密码。</translation>
    </message>
    <message>
        <source>Choose another PIN.</source>
        <translation>请换一个支付密码。</translation>
    </message>
</context>
<context>
    <name>bw::ui::CodePage</name>
    <message>
        <source>Confirm your phone number</source>
        <translation>验证您的手机号</translation>
    </message>
    <message>
        <source>Enter the code from the text message we sent you.</source>
        <translation>请输入我们发送给您的短信中的验证码。</translation>
    </message>
    <message>
        <source>We sent a 6-digit code to your mobile phone.</source>
        <translation>我们已向您的手机发送了 6 位验证码。</translation>
    </message>
    <message>
        <source>We sent a 6-digit code to &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>我们已向 &lt;b&gt;%1&lt;/b&gt; 发送了 6 位验证码。</translation>
    </message>
    <message>
        <source>Resend code</source>
        <translation>重新发送验证码</translation>
    </message>
    <message numerus="yes">
        <source>Resend in %n s</source>
        <translation>
            <numerusform>%n 秒后可重新发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>重新发送验证码</translation>
    </message>
    <message>
        <source>A new code is on its way to %1.</source>
        <translation>新的验证码正在发送至 %1。</translation>
    </message>
    <message>
        <source>Press Next to try again.</source>
        <translation>请点击“下一步”重试。</translation>
    </message>
</context>
<context>
    <name>bw::ui::ContactPage</name>
    <message>
        <source>Your contact details</source>
        <translation>您的联系方式</translation>
    </message>
    <message>
        <source>The bank uses them to identify you and to send you codes. Nothing is sent until you press Next.</source>
        <translation>银行将用这些信息识别您的身份并向您发送验证码。点击“下一步”之前不会发送任何信息。</translation>
    </message>
    <message>
        <source>Check the number, or use another mobile number.</source>
        <translation>请检查号码，或使用其他手机号。</translation>
    </message>
    <message>
        <source>Check the e-mail address.</source>
        <translation>请检查电子邮箱地址。</translation>
    </message>
    <message>
        <source>Check your name.</source>
        <translation>请检查您的姓名。</translation>
    </message>
    <message>
        <source>Choose another bank.</source>
        <translation>请选择其他银行。</translation>
    </message>
    <message>
        <source>Press Next to try again.</source>
        <translation>请点击“下一步”重试。</translation>
    </message>
</context>
<context>
    <name>bw::ui::CredentialsPage</name>
    <message>
        <source>Password and payment PIN</source>
        <translation>登录密码和支付密码</translation>
    </message>
    <message>
        <source>Choose how you sign in and how you confirm payments. The bank never stores either in readable form, and nor does this computer.</source>
        <translation>设置登录密码和付款时使用的支付密码。银行和本电脑都不会以可读形式保存它们。</translation>
    </message>
    <message>
        <source>Create my &amp;wallet</source>
        <translation>开通钱包(&amp;W)</translation>
    </message>
    <message>
        <source>Payment PIN</source>
        <translation>支付密码</translation>
    </message>
    <message>
        <source>Payment PIN again</source>
        <translation>再次输入支付密码</translation>
    </message>
    <message>
        <source>The two PINs do not match. Enter the same six digits twice.</source>
        <translation>两次输入的支付密码不一致。请两次输入相同的 6 位数字。</translation>
    </message>
    <message>
        <source>BankWallet on %1</source>
        <translation>%1 上的 BankWallet</translation>
    </message>
    <message>
        <source>Choose them again and press Create my wallet.</source>
        <translation>请重新设置，然后点击“开通钱包”。</translation>
    </message>
</context>
<context>
    <name>bw::ui::DashboardPage</name>
    <message>
        <source>Hello, %1 · %2</source>
        <translation>您好，%1 · %2</translation>
    </message>
    <message>
        <source>%1 on its way (pending)</source>
        <translation>%1 正在处理中（待入账）</translation>
    </message>
    <message>
        <source>Also held: %1</source>
        <translation>其他币种余额：%1</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>Your wallet can hold up to %1</source>
        <translation>钱包余额上限为 %1</translation>
    </message>
    <message>
        <source>No cap on your balance</source>
        <translation>余额无上限</translation>
    </message>
    <message>
        <source>Up to %1 per payment</source>
        <translation>单笔最高 %1</translation>
    </message>
    <message>
        <source>No limit per payment</source>
        <translation>单笔不限额</translation>
    </message>
    <message>
        <source>%1 left to spend today</source>
        <translation>今日还可使用 %1</translation>
    </message>
    <message>
        <source>No daily limit</source>
        <translation>无每日限额</translation>
    </message>
    <message>
        <source>Verify your identity to raise your limits and top up from a card.</source>
        <translation>完成身份验证即可提高限额，并可用银行卡充值。</translation>
    </message>
    <message>
        <source>Link your own debit card or bank account to raise your limits.</source>
        <translation>绑定本人的借记卡或银行账户即可提高限额。</translation>
    </message>
    <message>
        <source>Visit a branch with your ID to remove every limit.</source>
        <translation>携带身份证件到网点办理，即可取消所有限额。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your wallet could not be updated.&lt;/b&gt; %1 Check your connection and press Retry; what is shown may be out of date.</source>
        <translation>&lt;b&gt;钱包信息未能更新。&lt;/b&gt;%1 请检查网络连接后点击“重试”；当前显示的内容可能不是最新的。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No transactions yet — top up or receive money to get started.</source>
        <translation>暂无交易记录——充值或收款后即可在这里查看。</translation>
    </message>
    <message>
        <source>No cards or accounts linked yet. Link your own debit card to top up and to raise your limits.</source>
        <translation>尚未绑定银行卡或账户。绑定本人的借记卡即可充值并提高限额。</translation>
    </message>
    <message>
        <source>Available balance</source>
        <translation>可用余额</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>最近交易</translation>
    </message>
    <message>
        <source>Cards and accounts</source>
        <translation>银行卡和账户</translation>
    </message>
    <message>
        <source>&lt;b&gt;Payments are frozen.&lt;/b&gt; Your payment PIN was entered wrongly too many times. You can still receive money; change your payment PIN under Security to pay again.</source>
        <translation>&lt;b&gt;付款已冻结。&lt;/b&gt;支付密码输错次数过多。您仍可以收款；请在“安全中心”修改支付密码后恢复付款。</translation>
    </message>
    <message>
        <source>Double-click a transaction or press Enter to see its receipt</source>
        <translation>双击交易或按回车键查看电子回单</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Your card or bank account</source>
        <translation>您的银行卡或账户</translation>
    </message>
</context>
<context>
    <name>bw::ui::DemoDocks</name>
    <message>
        <source>&amp;Demo</source>
        <translation>演示(&amp;D)</translation>
    </message>
    <message>
        <source>Simulated phone</source>
        <translation>模拟手机</translation>
    </message>
    <message>
        <source>Staff actions</source>
        <translation>柜员操作</translation>
    </message>
</context>
<context>
    <name>bw::ui::DonePage</name>
    <message>
        <source>Your wallet is ready</source>
        <translation>您的钱包已开通</translation>
    </message>
    <message>
        <source>Welcome to BankWallet. You can use your wallet right away.</source>
        <translation>欢迎使用 BankWallet。您现在就可以使用钱包了。</translation>
    </message>
    <message>
        <source>Your wallet is open and protected by your password, your payment PIN and your authenticator app.</source>
        <translation>您的钱包已开通，并由登录密码、支付密码和身份验证器应用共同保护。</translation>
    </message>
    <message>
        <source>Your wallet is open and protected by your password, your payment PIN and codes sent to your phone.</source>
        <translation>您的钱包已开通，并由登录密码、支付密码和发送到您手机的验证码共同保护。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Top up&lt;/b&gt; your wallet from a linked card or bank account.</source>
        <translation>从已绑定的银行卡或银行账户为钱包&lt;b&gt;充值&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Link a debit card&lt;/b&gt; or bank account in your name for higher limits (tier 2).</source>
        <translation>&lt;b&gt;绑定本人借记卡&lt;/b&gt;或银行账户，提高限额（二类钱包）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Verify your identity&lt;/b&gt; in Security to lift the tier 4 limits.</source>
        <translation>在“安全”中&lt;b&gt;认证身份&lt;/b&gt;，解除四类钱包的限额。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Verify in a branch&lt;/b&gt; with your identity document to remove the limits (tier 1).</source>
        <translation>携带身份证件&lt;b&gt;到网点核验&lt;/b&gt;，取消限额（一类钱包）。</translation>
    </message>
</context>
<context>
    <name>bw::ui::ExportDialog</name>
    <message>
        <source>%1 of %2</source>
        <extracomment>Export progress: rows written of all rows, e.g. "12,000 of 1,000,000"</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Exported 1 transaction to %1.</source>
        <translation>已导出 1 笔交易到 %1。</translation>
    </message>
    <message>
        <source>Exported %1 transactions to %2.</source>
        <translation>已导出 %1 笔交易到 %2。</translation>
    </message>
    <message>
        <source>%1 is a folder. Add a file name, such as history.csv, and export again.</source>
        <translation>%1 是一个文件夹。请加上文件名（例如 history.csv），然后重新导出。</translation>
    </message>
    <message>
        <source>%1 already exists. Press Export again to replace it, or choose another name.</source>
        <translation>%1 已存在。再次点击“导出”将替换该文件，或选择其他文件名。</translation>
    </message>
    <message>
        <source>Counting the transactions…</source>
        <translation>正在统计交易笔数…</translation>
    </message>
    <message>
        <source>Export history to CSV</source>
        <translation>将交易记录导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>bw::ui::FieldMessage</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>bw::ui::ForgotPasswordWizard</name>
    <message>
        <source>A new code was sent to %1.</source>
        <translation>新的验证码已发送至 %1。</translation>
    </message>
    <message>
        <source>The identity document number does not match the one your identity was verified with (or it is missing). Start again and enter the number of the document you verified your wallet with.</source>
        <translation>身份证件号码与实名认证时使用的证件不符（或未填写）。请重新开始，并输入您认证钱包时所用证件的号码。</translation>
    </message>
    <message>
        <source>Use "Send a new code".</source>
        <translation>请点击“重新发送验证码”。</translation>
    </message>
    <message>
        <source>Send a new code in %1</source>
        <translation>%1 后可重新发送</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>重新发送验证码</translation>
    </message>
    <message>
        <source>We sent a 6-digit code to %1.</source>
        <translation>我们已向 %1 发送 6 位验证码。</translation>
    </message>
    <message>
        <source>It is valid until %1.</source>
        <translation>有效期至 %1。</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>bw::ui::HelpPage</name>
    <message>
        <source>China</source>
        <translation>中国</translation>
    </message>
    <message>
        <source>Hong Kong SAR</source>
        <translation>中国香港</translation>
    </message>
    <message>
        <source>Macao SAR</source>
        <translation>中国澳门</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>德国</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>瑞士</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>加拿大</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>Which banks support the wallet?</source>
        <translation>哪些银行支持钱包？</translation>
    </message>
    <message>
        <source>How do I register?</source>
        <translation>如何注册？</translation>
    </message>
    <message>
        <source>How do I pay?</source>
        <translation>如何付款？</translation>
    </message>
    <message>
        <source>How safe is it?</source>
        <translation>安全吗？</translation>
    </message>
    <message>
        <source>What does it cost?</source>
        <translation>收费多少？</translation>
    </message>
    <message>
        <source>I forgot my password</source>
        <translation>忘记密码</translation>
    </message>
    <message>
        <source>Contact support</source>
        <translation>联系客服</translation>
    </message>
    <message>
        <source>Help topics</source>
        <translation>帮助主题</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>帮助内容</translation>
    </message>
    <message>
        <source>You open BankWallet through your own bank. These banks offer it today; the list comes straight from the bank's directory, so it is always current.</source>
        <translation>BankWallet 需通过您的开户银行开通。以下银行目前已支持；列表直接来自银行目录，始终保持最新。</translation>
    </message>
    <message>
        <source>Loading the list of banks…</source>
        <translation>正在加载银行列表…</translation>
    </message>
    <message>
        <source>The list of banks could not be loaded: %1</source>
        <translation>银行列表加载失败：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Supported</source>
        <translation>已支持</translation>
    </message>
    <message>
        <source>Not yet supported</source>
        <translation>暂不支持</translation>
    </message>
    <message>
        <source>If your bank is not supported yet, ask it when it plans to offer the wallet, or open your wallet at one of the supported banks — you can still link cards from other banks later.</source>
        <translation>如果您的开户银行暂不支持，可向该银行咨询开通计划，或在已支持的银行开通钱包 — 之后仍可绑定其他银行的卡。</translation>
    </message>
    <message>
        <source>Paying shops and sending money to other wallets in China is free. Fees apply only to the cases below, and every payment shows its fee before you confirm it.</source>
        <translation>境内向商户付款和向其他钱包转账均免费。仅以下情形收取手续费，每笔付款在您确认前都会显示手续费。</translation>
    </message>
    <message>
        <source>Loading the fee schedule…</source>
        <translation>正在加载收费标准…</translation>
    </message>
    <message>
        <source>The fee schedule could not be loaded: %1</source>
        <translation>收费标准加载失败：%1</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用项目</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>费率</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>免费</translation>
    </message>
    <message>
        <source>Minimum %1</source>
        <translation>最低 %1</translation>
    </message>
    <message>
        <source>Free up to %1 each month</source>
        <translation>每月 %1 以内免费</translation>
    </message>
    <message>
        <source>Cross-border payments show the exchange rate, both fee lines and the total before you confirm; a quote stays valid for 60 seconds.</source>
        <translation>跨境付款在确认前会显示汇率、两项费用及合计金额；报价有效期为 60 秒。</translation>
    </message>
    <message>
        <source>Choose your bank and enter your name, mobile number and e-mail address.</source>
        <translation>选择开户银行，填写姓名、手机号和电子邮箱。</translation>
    </message>
    <message>
        <source>Type the code the bank sends to your phone by SMS.</source>
        <translation>输入银行发送到您手机的短信验证码。</translation>
    </message>
    <message>
        <source>Verify your identity with your ID card or passport — or skip this for now and start with a tier 4 wallet that has lower limits.</source>
        <translation>使用身份证或护照完成身份验证 — 也可暂时跳过，先使用限额较低的四类钱包。</translation>
    </message>
    <message>
        <source>Set a sign-in password and a six-digit payment PIN, then turn on two-factor verification (an authenticator app or SMS).</source>
        <translation>设置登录密码和六位数字支付密码，然后开启双重验证（身份验证器应用或短信）。</translation>
    </message>
    <message>
        <source>Link your own debit card or bank account to top up and to raise your limits.</source>
        <translation>绑定本人的借记卡或银行账户，即可充值并提高限额。</translation>
    </message>
    <message>
        <source>Your tier sets your limits: tier 4 (phone only), tier 3 (identity verified), tier 2 (own bank card linked) and tier 1 (verified in person at a branch).</source>
        <translation>钱包等级决定您的限额：四类（仅验证手机号）、三类（已验证身份）、二类（已绑定本人银行卡）和一类（已在网点当面核验）。</translation>
    </message>
    <message>
        <source>Choose Pay on the dashboard and pick the shop or the person to pay.</source>
        <translation>在首页点击“付款”，选择要付款的商户或收款人。</translation>
    </message>
    <message>
        <source>Enter the amount and choose where the money comes from: your wallet balance or a linked card or account.</source>
        <translation>输入金额并选择付款方式：钱包余额或已绑定的银行卡、账户。</translation>
    </message>
    <message>
        <source>Check the summary — fee, exchange rate and total — and confirm with your payment PIN. Larger payments also ask for a one-time code.</source>
        <translation>核对付款信息 — 手续费、汇率和合计金额 — 然后用支付密码确认。大额付款还需输入一次性验证码。</translation>
    </message>
    <message>
        <source>You see the result at once with a receipt, and the payment appears in your history.</source>
        <translation>付款结果和电子凭证立即显示，该笔付款也会出现在交易记录中。</translation>
    </message>
    <message>
        <source>Your sign-in password and payment PIN are checked by the bank and never stored on this computer.</source>
        <translation>登录密码和支付密码由银行验证，绝不会保存在本电脑上。</translation>
    </message>
    <message>
        <source>This computer's key to the bank lives in your system's keychain (Secret Service, macOS Keychain or Windows Credential Manager), not in a file; every request is signed with it.</source>
        <translation>本电脑访问银行的密钥保存在系统钥匙串中（Secret Service、macOS 钥匙串或 Windows 凭据管理器），而不是普通文件里；每个请求都用它签名。</translation>
    </message>
    <message>
        <source>Your name, phone number, e-mail, ID numbers, notes and the names of people you pay are encrypted on disk with a key that is also kept in the keychain.</source>
        <translation>您的姓名、手机号、电子邮箱、证件号码、备注以及收付款人的姓名都在本机加密存储，加密密钥同样保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Full card numbers, security codes (CVC), one-time codes and session tokens are never stored anywhere on this computer.</source>
        <translation>完整卡号、安全码（CVC）、一次性验证码和会话令牌绝不会保存在本电脑的任何位置。</translation>
    </message>
    <message>
        <source>The wallet locks itself after a few idle minutes (see Settings), and wrong passwords or PINs lock sign-in or payments after five tries.</source>
        <translation>钱包闲置几分钟后会自动锁定（可在“设置”中调整）；密码或支付密码连续输错五次将锁定登录或付款。</translation>
    </message>
    <message>
        <source>Keep your system up to date, never tell anyone your PIN or a code — the bank will never ask for them — and install BankWallet only from your bank.</source>
        <translation>请及时更新系统，切勿向任何人透露支付密码或验证码 — 银行绝不会向您索要 — 并且只从您的银行获取 BankWallet。</translation>
    </message>
    <message>
        <source>On the sign-in screen choose "Forgot password?". Enter your mobile number (and your ID number if your wallet is verified), type the code the bank sends you, and set a new password. Your money and history stay as they are.</source>
        <translation>在登录界面点击“忘记密码？”。输入手机号（已验证身份的钱包还需输入证件号码），填写银行发送的验证码，然后设置新密码。您的资金和交易记录不受影响。</translation>
    </message>
    <message>
        <source>Forgot your payment PIN? After five wrong PINs payments are frozen; reset the PIN with your password and a one-time code to pay again.</source>
        <translation>忘记支付密码？支付密码输错五次后付款功能将被冻结；使用登录密码和一次性验证码重置支付密码后即可恢复付款。</translation>
    </message>
    <message>
        <source>Customer hotline: 95500-000 (an example number for this demo), daily 8:00–22:00</source>
        <translation>客服热线：95500-000（本演示的示例号码），每天 8:00–22:00</translation>
    </message>
    <message>
        <source>E-mail: wallet-support@bank.example (an example address)</source>
        <translation>电子邮箱：wallet-support@bank.example（示例地址）</translation>
    </message>
    <message>
        <source>Lost your phone or computer? Call the hotline at once to block the wallet on it.</source>
        <translation>手机或电脑丢失？请立即拨打客服热线，停用该设备上的钱包。</translation>
    </message>
    <message>
        <source>Part of this page could not be loaded from the bank: %1 Check your connection and press Retry.</source>
        <translation>本页部分内容未能从银行加载：%1 请检查网络连接后点击“重试”。</translation>
    </message>
</context>
<context>
    <name>bw::ui::HistoryDetailsDialog</name>
    <message>
        <source>Transaction details</source>
        <translation>交易详情</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>交易时间</translation>
    </message>
    <message>
        <source>Your card or bank account</source>
        <translation>您的银行卡或账户</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>交易对方</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Charged to the payment method</source>
        <translation>支付方式扣款</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>交易后余额</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>回单编号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>交易流水号</translation>
    </message>
    <message>
        <source>View &amp;receipt</source>
        <translation>查看回单(&amp;R)</translation>
    </message>
</context>
<context>
    <name>bw::ui::HistoryItemDelegate</name>
    <message>
        <source>Your card or bank account</source>
        <translation>您的银行卡或账户</translation>
    </message>
</context>
<context>
    <name>bw::ui::HistoryPage</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>1 transaction</source>
        <translation>1 笔交易</translation>
    </message>
    <message numerus="yes">
        <source>%1 transactions</source>
        <translation>
            <numerusform>%1 笔交易</numerusform>
        </translation>
    </message>
    <message>
        <source>No transactions match these filters</source>
        <translation>没有符合筛选条件的交易</translation>
    </message>
    <message>
        <source>No transactions yet — top up or receive money to get started.</source>
        <translation>暂无交易记录——充值或收款后即可在这里查看。</translation>
    </message>
    <message>
        <source>All payment methods</source>
        <translation>全部支付方式</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>All currencies</source>
        <translation>全部币种</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>最近 3 个月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义时间</translation>
    </message>
    <message>
        <source>In and out</source>
        <translation>全部收支</translation>
    </message>
    <message>
        <source>Money out</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Money in</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;receipt number</source>
        <translation>复制回单号(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>详情(&amp;D)…</translation>
    </message>
    <message>
        <source>Save receipt as &amp;PDF…</source>
        <translation>将回单保存为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your history could not be read.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;无法读取交易记录。&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>搜索交易记录</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Money in or out</source>
        <translation>收入或支出</translation>
    </message>
    <message>
        <source>Smallest amount</source>
        <translation>最小金额</translation>
    </message>
    <message>
        <source>Largest amount</source>
        <translation>最大金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Enter or double-click: details. Right-click or the Menu key: copy, receipt. Ctrl+F: search.</source>
        <translation>回车或双击：查看详情。右键或菜单键：复制、回单。Ctrl+F：搜索。</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>排序方式</translation>
    </message>
    <message>
        <source>Date, &amp;newest first</source>
        <translation>日期，最新的在前(&amp;N)</translation>
    </message>
    <message>
        <source>Date, &amp;oldest first</source>
        <translation>日期，最早的在前(&amp;O)</translation>
    </message>
    <message>
        <source>Amount, &amp;largest first</source>
        <translation>金额，从大到小(&amp;L)</translation>
    </message>
    <message>
        <source>Amount, &amp;smallest first</source>
        <translation>金额，从小到大(&amp;S)</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Click Date or Amount to sort; right-click to choose the columns. With the keyboard: View (Alt+V).</source>
        <translation>点击“日期”或“金额”排序；右键选择显示的列。使用键盘：显示（Alt+V）。</translation>
    </message>
</context>
<context>
    <name>bw::ui::IdentityPage</name>
    <message>
        <source>China (mainland)</source>
        <translation>中国（大陆）</translation>
    </message>
    <message>
        <source>Hong Kong SAR, China</source>
        <translation>中国香港特别行政区</translation>
    </message>
    <message>
        <source>Macao SAR, China</source>
        <translation>中国澳门特别行政区</translation>
    </message>
    <message>
        <source>Taiwan, China</source>
        <translation>中国台湾</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <source>Malaysia</source>
        <translation>马来西亚</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>韩国</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>德国</translation>
    </message>
    <message>
        <source>France</source>
        <translation>法国</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>加拿大</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>澳大利亚</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>瑞士</translation>
    </message>
    <message>
        <source>Try again.</source>
        <translation>请重试。</translation>
    </message>
    <message>
        <source>Resident identity card (mainland China)</source>
        <translation>居民身份证（中国大陆）</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Verify your identity</source>
        <translation>认证您的身份</translation>
    </message>
    <message>
        <source>The bank checks your identity document once. A verified wallet has higher limits.</source>
        <translation>银行只需核验一次您的身份证件。已认证身份的钱包限额更高。</translation>
    </message>
    <message>
        <source>18 characters, e.g. 11010519491231002X</source>
        <translation>18 位，例如 11010519491231002X</translation>
    </message>
    <message>
        <source>As printed in your passport</source>
        <translation>与护照上印刷的一致</translation>
    </message>
    <message>
        <source>The bank needs to look at your details before your identity counts as verified. You can go on now: your wallet opens with the tier 4 limits until the review is done.</source>
        <translation>银行需要先审核您的信息，审核通过后身份才算认证成功。您现在可以继续：审核完成前，钱包按四类钱包限额开通。</translation>
    </message>
    <message>
        <source>The bank could not verify your identity, so it cannot open a wallet for you with these details. Press Start again to begin a new application, or visit a branch.</source>
        <translation>银行未能认证您的身份，因此无法用这些信息为您开通钱包。请点击“重新开始”重新申请，或前往网点办理。</translation>
    </message>
    <message>
        <source>Check the document details and press Next again, or skip this step.</source>
        <translation>请检查证件信息后再次点击“下一步”，或跳过此步骤。</translation>
    </message>
</context>
<context>
    <name>bw::ui::InsightsPage</name>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>最近 3 个月</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义时间</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>%1: spent %2, received %3</source>
        <extracomment>%1 = the period's days ("1/1/25 – 3/31/25"), %2 = money spent, %3 = money received.</extracomment>
        <translation>%1：支出 %2，收入 %3</translation>
    </message>
    <message>
        <source>Transfers to people</source>
        <translation>转账给个人</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Spending by category</source>
        <translation>按分类支出</translation>
    </message>
    <message>
        <source>%1  %2 (%3%)</source>
        <translation>%1  %2（%3%）</translation>
    </message>
    <message>
        <source>Spending by category: nothing spent in %1</source>
        <translation>按分类支出：%1 无支出</translation>
    </message>
    <message>
        <source>Spending and income by month</source>
        <translation>每月收支</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>支出笔数</translation>
    </message>
    <message>
        <source>Incoming payments</source>
        <translation>收入笔数</translation>
    </message>
</context>
<context>
    <name>bw::ui::LimitMeter</name>
    <message>
        <source>Today's limit</source>
        <translation>今日限额</translation>
    </message>
    <message>
        <source>This year's limit</source>
        <translation>本年限额</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>无限额</translation>
    </message>
    <message>
        <source>%1 of %2 used today</source>
        <translation>今日已用 %1，限额 %2</translation>
    </message>
    <message>
        <source>%1 of %2 used this year</source>
        <translation>本年已用 %1，限额 %2</translation>
    </message>
</context>
<context>
    <name>bw::ui::MainWindow</name>
    <message>
        <source>Choose the language of BankWallet</source>
        <translation>选择 BankWallet 的界面语言</translation>
    </message>
    <message>
        <source>BankWallet — Demo</source>
        <translation>BankWallet — 演示</translation>
    </message>
    <message>
        <source>BankWallet</source>
        <translation>BankWallet</translation>
    </message>
    <message>
        <source>Not connected to a bank</source>
        <translation>未连接到银行</translation>
    </message>
    <message>
        <source>Built-in demo bank at %1</source>
        <translation>内置演示银行 %1</translation>
    </message>
    <message>
        <source>Bank gateway: %1</source>
        <translation>银行网关:%1</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Demo mode: a demo bank with simulated money, for showing BankWallet</source>
        <translation>演示模式：使用模拟资金的演示银行，用于展示 BankWallet</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard</source>
        <translation>诊断信息已复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>bw::ui::MoneyEdit</name>
    <message>
        <source>Enter an amount above zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <source>The amount is more than the %1 available.</source>
        <translation>金额超过了可用的 %1。</translation>
    </message>
</context>
<context>
    <name>bw::ui::Notifier</name>
    <message>
        <source>Payment successful</source>
        <translation>付款成功</translation>
    </message>
    <message>
        <source>You paid %1 to %2.</source>
        <translation>您已向%2付款 %1。</translation>
    </message>
    <message>
        <source>Money sent</source>
        <translation>转账成功</translation>
    </message>
    <message>
        <source>You sent %1 to %2.</source>
        <translation>您已向%2转账 %1。</translation>
    </message>
    <message>
        <source>Top-up successful</source>
        <translation>充值成功</translation>
    </message>
    <message>
        <source>%1 was added to your balance.</source>
        <translation>%1 已存入您的余额。</translation>
    </message>
    <message>
        <source>Withdrawal successful</source>
        <translation>提现成功</translation>
    </message>
    <message>
        <source>%1 is on its way to your bank account.</source>
        <translation>%1 正在转入您的银行账户。</translation>
    </message>
    <message>
        <source>Receipt number: %1</source>
        <translation>回单编号：%1</translation>
    </message>
    <message>
        <source>Payment processing</source>
        <translation>付款处理中</translation>
    </message>
    <message>
        <source>Payment held for review</source>
        <translation>付款待审核</translation>
    </message>
    <message>
        <source>Payment rejected</source>
        <translation>付款被拒绝</translation>
    </message>
    <message>
        <source>Payment declined</source>
        <translation>付款被拒</translation>
    </message>
    <message>
        <source>Payment not made</source>
        <translation>付款未完成</translation>
    </message>
    <message>
        <source>Money received</source>
        <translation>收到款项</translation>
    </message>
    <message>
        <source>You received %1 from %2.</source>
        <translation>您收到%2转来的 %1。</translation>
    </message>
    <message>
        <source>Payment approved</source>
        <translation>付款已通过审核</translation>
    </message>
    <message>
        <source>Your payment to %1 was approved.</source>
        <translation>您向%1的付款已通过审核。</translation>
    </message>
    <message>
        <source>The transfer from %1 was rejected.</source>
        <translation>%1转给您的款项已被拒绝。</translation>
    </message>
    <message>
        <source>Your payment to %1 was rejected.</source>
        <translation>您向%1的付款已被拒绝。</translation>
    </message>
    <message>
        <source>Unlock BankWallet to see the details.</source>
        <translation>解锁 BankWallet 查看详情。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A notification in the status bar: its title, then its text.</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Payment completed</source>
        <translation>付款已完成</translation>
    </message>
    <message>
        <source>Your payment to %1 has gone through.</source>
        <translation>您向 %1 的付款已完成。</translation>
    </message>
</context>
<context>
    <name>bw::ui::OnboardingPage</name>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
<context>
    <name>bw::ui::OnboardingWizard</name>
    <message>
        <source>Open your wallet</source>
        <translation>开通钱包</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Go to my wallet</source>
        <translation>进入我的钱包(&amp;G)</translation>
    </message>
    <message>
        <source>Discard your application?</source>
        <translation>放弃本次申请？</translation>
    </message>
    <message>
        <source>The bank you chose, your contact details and everything you entered after them will be forgotten, and the code we sent will no longer work. You can start a new application at any time.</source>
        <translation>您选择的银行、联系方式以及之后填写的所有信息都将被清除，已发送的验证码也将失效。您可以随时重新申请。</translation>
    </message>
    <message>
        <source>&amp;Discard application</source>
        <translation>放弃申请(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep going</source>
        <translation>继续填写(&amp;K)</translation>
    </message>
    <message>
        <source>Try again.</source>
        <translation>请重试。</translation>
    </message>
</context>
<context>
    <name>bw::ui::PasswordField</name>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Hide the password</source>
        <translation>隐藏密码</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>显示密码</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>较强</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>强</translation>
    </message>
    <message>
        <source>The passwords do not match</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>密码强度</translation>
    </message>
    <message>
        <source>8 to 128 characters</source>
        <translation>8 至 128 个字符</translation>
    </message>
    <message>
        <source>Not a commonly used password</source>
        <translation>不是常见密码</translation>
    </message>
    <message>
        <source>Does not contain 7 or more digits of your phone number</source>
        <translation>不包含手机号中连续 7 位及以上的数字</translation>
    </message>
    <message>
        <source>Does not contain your name</source>
        <translation>不包含您的姓名</translation>
    </message>
</context>
<context>
    <name>bw::ui::PaymentDialog</name>
    <message>
        <source>Payment PIN</source>
        <translation>支付密码</translation>
    </message>
    <message>
        <source>Close this window and open it again to retry.</source>
        <translation>请关闭此窗口后重新打开再试。</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>核对(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>付款 %1</translation>
    </message>
    <message>
        <source>Send %1</source>
        <translation>转账 %1</translation>
    </message>
    <message>
        <source>Top up %1</source>
        <translation>充值 %1</translation>
    </message>
    <message>
        <source>Withdraw %1</source>
        <translation>提现 %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Pay a merchant</source>
        <translation>向商户付款</translation>
    </message>
    <message>
        <source>Send money to a wallet</source>
        <translation>转账到钱包</translation>
    </message>
    <message>
        <source>Top up your balance</source>
        <translation>充值到余额</translation>
    </message>
    <message>
        <source>Withdraw to your bank account</source>
        <translation>提现到银行账户</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账户</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>收款方</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3</source>
        <extracomment>Step indicator of the payment dialog, e.g. "Step 2 of 5 · Amount".</extracomment>
        <translation>第 %1 步，共 %2 步 · %3</translation>
    </message>
    <message>
        <source>This payment link cannot be used.</source>
        <translation>无法使用此付款链接。</translation>
    </message>
    <message>
        <source>A payment is already under way in this window. Open a new one for this link.</source>
        <translation>此窗口中已有一笔付款正在进行。请新开一个窗口使用此链接。</translation>
    </message>
    <message>
        <source>This link asks for a transfer to a BankWallet user. Use Transfer to send it.</source>
        <translation>此链接是向 BankWallet 用户转账的请求，请使用“转账”完成。</translation>
    </message>
    <message>
        <source>This link asks for a payment to a merchant. Use Pay to pay it.</source>
        <translation>此链接是向商户付款的请求，请使用“付款”完成。</translation>
    </message>
    <message>
        <source>Looking up the merchant of the payment link…</source>
        <translation>正在查找付款链接中的商户…</translation>
    </message>
    <message>
        <source>The merchant in this payment link is not one BankWallet knows. Check the link with whoever gave it to you.</source>
        <translation>BankWallet 不认识此付款链接中的商户。请向提供链接的人核实。</translation>
    </message>
    <message>
        <source>The payment link asks for %1, but this merchant takes %2 only.</source>
        <translation>付款链接要求以 %1 付款，但该商户只收 %2。</translation>
    </message>
    <message>
        <source>Transfers between wallets are in %1; the payment link asks for %2.</source>
        <translation>钱包之间的转账以 %1 进行，而付款链接要求的是 %2。</translation>
    </message>
    <message>
        <source>The link names the payee “%1”. Check that this is who you mean to pay.</source>
        <translation>链接中的收款方为“%1”。请确认这是您要付款的对象。</translation>
    </message>
    <message>
        <source>Loading merchants…</source>
        <translation>正在加载商户…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>your wallet balance</source>
        <translation>您的钱包余额</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>付给 %1</translation>
    </message>
    <message>
        <source>This merchant is abroad: you pay in %1, converted from your CNY balance; the review shows the rate and the fees.</source>
        <translation>这是境外商户：您将以 %1 付款，由您的人民币余额兑换；核对页会显示汇率和手续费。</translation>
    </message>
    <message>
        <source>Pay &amp;from</source>
        <translation>付款方式(&amp;F)</translation>
    </message>
    <message>
        <source>Send &amp;from</source>
        <translation>转出账户(&amp;F)</translation>
    </message>
    <message>
        <source>Withdraw &amp;from</source>
        <translation>提现来源(&amp;F)</translation>
    </message>
    <message>
        <source>A reminder for yourself</source>
        <translation>写给自己的备忘</translation>
    </message>
    <message>
        <source>Add money to your wallet balance</source>
        <translation>向钱包余额充值</translation>
    </message>
    <message>
        <source>Top up &amp;from</source>
        <translation>充值来源(&amp;F)</translation>
    </message>
    <message>
        <source>Wallet balance (%1)</source>
        <translation>钱包余额（%1）</translation>
    </message>
    <message>
        <source>Wallet balance</source>
        <translation>钱包余额</translation>
    </message>
    <message>
        <source>You have no linked card or bank account yet. Link one on the Payment methods page first.</source>
        <translation>您尚未绑定银行卡或银行账户。请先在“支付方式”页面绑定。</translation>
    </message>
    <message>
        <source>Top-ups from a debit card or bank account are free; from a credit card the bank charges a fee, shown before you confirm.</source>
        <translation>使用借记卡或银行账户充值免费；使用信用卡充值银行会收取手续费，确认前会显示。</translation>
    </message>
    <message>
        <source>Pay from your balance or charge a linked card.</source>
        <translation>可用余额付款，或从已绑定的银行卡扣款。</translation>
    </message>
    <message>
        <source>Transfers and withdrawals are paid from your wallet balance.</source>
        <translation>转账和提现从您的钱包余额中支付。</translation>
    </message>
    <message>
        <source>Available balance: %1</source>
        <translation>可用余额：%1</translation>
    </message>
    <message>
        <source>Checking your balance…</source>
        <translation>正在查询余额…</translation>
    </message>
    <message>
        <source>Asking the bank for a price…</source>
        <translation>正在向银行获取报价…</translation>
    </message>
    <message>
        <source>The price expired. Getting a new one…</source>
        <translation>报价已过期，正在重新获取…</translation>
    </message>
    <message>
        <source>The price was renewed and has changed. Check it again before you confirm.</source>
        <translation>报价已更新且有变化。请在确认前重新核对。</translation>
    </message>
    <message>
        <source>The price was renewed, so the code sent earlier no longer applies. Send a new code.</source>
        <translation>报价已更新，之前发送的验证码不再有效。请重新发送验证码。</translation>
    </message>
    <message>
        <source>The earlier price expired; this is the bank's new price.</source>
        <translation>之前的报价已过期；这是银行的最新报价。</translation>
    </message>
    <message>
        <source>Go back to change the details, or try again.</source>
        <translation>请返回修改信息，或重试。</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Your wallet balance</source>
        <translation>您的钱包余额</translation>
    </message>
    <message>
        <source>Amount added</source>
        <translation>充值金额</translation>
    </message>
    <message>
        <source>Payee receives</source>
        <translation>收款方实收</translation>
    </message>
    <message>
        <source>Exchange rate (mid-market)</source>
        <translation>汇率（中间价）</translation>
    </message>
    <message>
        <source>Converted amount</source>
        <translation>折合人民币</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Total debited</source>
        <translation>扣款合计</translation>
    </message>
    <message>
        <source>Daily limit left</source>
        <translation>今日剩余额度</translation>
    </message>
    <message>
        <source>No daily limit</source>
        <translation>无每日限额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>This payment cannot go ahead:</source>
        <translation>这笔付款无法进行：</translation>
    </message>
    <message>
        <source>Only your payment PIN is needed: the amount is %1 or less, the payee is in China and you have paid them before.</source>
        <translation>只需输入支付密码：金额不超过 %1，收款方在中国境内，且您以前向其付过款。</translation>
    </message>
    <message>
        <source>Only your payment PIN is needed.</source>
        <translation>只需输入支付密码。</translation>
    </message>
    <message>
        <source>the amount is over %1</source>
        <translation>金额超过 %1</translation>
    </message>
    <message>
        <source>it is a cross-border payment</source>
        <translation>这是一笔跨境付款</translation>
    </message>
    <message>
        <source>it is your first payment to this payee</source>
        <translation>这是您第一次向该收款方付款</translation>
    </message>
    <message>
        <source>the bank asks for it on this payment</source>
        <translation>银行要求此笔付款进行验证</translation>
    </message>
    <message>
        <source>For your safety the bank asks for a verification code as well as your PIN, because:</source>
        <translation>为保障您的资金安全，除支付密码外，银行还需要验证码，原因是：</translation>
    </message>
    <message>
        <source>The bank holds this price for %1. After that BankWallet asks for a new one.</source>
        <translation>银行将为您保留此报价 %1。过期后 BankWallet 会自动重新获取。</translation>
    </message>
    <message>
        <source>Pay %1 to %2.</source>
        <translation>向 %2 付款 %1。</translation>
    </message>
    <message>
        <source>Send %1 to %2.</source>
        <translation>向 %2 转账 %1。</translation>
    </message>
    <message>
        <source>Add %1 to your balance from %2.</source>
        <translation>从 %2 充值 %1 到余额。</translation>
    </message>
    <message>
        <source>Withdraw %1 to %2.</source>
        <translation>提现 %1 到 %2。</translation>
    </message>
    <message>
        <source>Total debited: %1.</source>
        <translation>扣款总额：%1。</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app.</source>
        <translation>请输入身份验证器中的6位验证码。</translation>
    </message>
    <message>
        <source>Press “Send SMS code” and enter the 6-digit code the bank texts to your phone.</source>
        <translation>请点击“发送短信验证码”，然后输入银行发送到您手机的 6 位验证码。</translation>
    </message>
    <message>
        <source>Press “Send SMS code” and enter the 6-digit code the bank texts to %1.</source>
        <translation>请点击“发送短信验证码”，然后输入银行发送到 %1 的 6 位验证码。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>重新发送验证码</translation>
    </message>
    <message>
        <source>Send SMS code</source>
        <translation>发送短信验证码</translation>
    </message>
    <message>
        <source>Send again in %1 s</source>
        <translation>%1 秒后可重新发送</translation>
    </message>
    <message>
        <source>The payment could not be started. Go back and check the price again.</source>
        <translation>无法发起付款。请返回重新核对报价。</translation>
    </message>
    <message>
        <source>Sending the payment to the bank…</source>
        <translation>正在将付款发送至银行…</translation>
    </message>
    <message>
        <source>The price expired before the bank received the payment, so nothing was paid. Check the new price and confirm again.</source>
        <translation>报价在银行收到付款前已过期，因此没有发生扣款。请核对新报价后再次确认。</translation>
    </message>
    <message>
        <source>The receipt is in your history. You can open it now or later.</source>
        <translation>电子回单已保存在交易记录中，您可以现在或稍后查看。</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>You will be notified when the bank has finished. You can close this window.</source>
        <translation>银行处理完成后会通知您。您可以关闭此窗口。</translation>
    </message>
    <message>
        <source>Held for review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>You will be notified of the bank's decision. If it rejects the payment, the reserved money goes back to your balance.</source>
        <translation>银行作出决定后会通知您。如果付款被拒绝，冻结的资金将退回您的余额。</translation>
    </message>
    <message>
        <source>Payment rejected</source>
        <translation>付款被拒绝</translation>
    </message>
    <message>
        <source>Nothing was paid. If you think this is a mistake, contact your bank.</source>
        <translation>没有发生扣款。如果您认为有误，请联系您的银行。</translation>
    </message>
    <message>
        <source>Payment declined</source>
        <translation>付款被拒</translation>
    </message>
    <message>
        <source>Nothing was charged. Choose another card, or pay from your wallet balance.</source>
        <translation>没有发生扣款。请换一张银行卡，或使用钱包余额付款。</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Still checking</source>
        <translation>正在核实</translation>
    </message>
    <message>
        <source>You will be notified as soon as the bank confirms. The payment is never made twice.</source>
        <translation>银行确认后会立即通知您。同一笔付款绝不会重复扣款。</translation>
    </message>
    <message>
        <source>Payments are frozen</source>
        <translation>付款功能已冻结</translation>
    </message>
    <message>
        <source>To unfreeze payments, change your payment PIN on the Security page (you will need a verification code).</source>
        <translation>如需解冻，请在“安全”页面修改支付密码（需要验证码）。</translation>
    </message>
    <message>
        <source>Limit reached</source>
        <translation>已达限额</translation>
    </message>
    <message>
        <source>Try a smaller amount, or wait until your daily limit renews. Verifying your identity or linking a debit card raises your limits.</source>
        <translation>请减少金额，或等待每日额度恢复。完成身份验证或绑定借记卡可以提高限额。</translation>
    </message>
    <message>
        <source>Not enough money</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <source>Top up your balance, or pay with a card.</source>
        <translation>请先充值，或使用银行卡付款。</translation>
    </message>
    <message>
        <source>The payment was not made</source>
        <translation>付款未完成</translation>
    </message>
    <message>
        <source>Nothing was charged. Check the details and try again.</source>
        <translation>没有发生扣款。请检查信息后重试。</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>回单编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Choose another &amp;source</source>
        <translation>更换付款方式(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Edit and try again</source>
        <translation>修改后重试(&amp;E)</translation>
    </message>
</context>
<context>
    <name>bw::ui::PaymentLabels</name>
    <message>
        <source>Currency conversion margin</source>
        <translation>货币兑换费</translation>
    </message>
    <message>
        <source>Cross-border fee</source>
        <translation>跨境手续费</translation>
    </message>
    <message>
        <source>Top-up fee</source>
        <translation>充值手续费</translation>
    </message>
    <message>
        <source>Withdrawal fee</source>
        <translation>提现手续费</translation>
    </message>
    <message>
        <source>Payment fee</source>
        <translation>支付手续费</translation>
    </message>
    <message>
        <source>Transfer fee</source>
        <translation>转账手续费</translation>
    </message>
    <message>
        <source>Fee (%1)</source>
        <translation>手续费（%1）</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>提现</translation>
    </message>
    <message>
        <source>1 CNY = %1 %2</source>
        <extracomment>An exchange rate, e.g. "1 CNY = 1.1014 HKD".</extracomment>
        <translation>1 人民币 = %1 %2</translation>
    </message>
</context>
<context>
    <name>bw::ui::PaymentMethodPage</name>
    <message>
        <source>Link a card or bank account</source>
        <translation>绑定银行卡或银行账户</translation>
    </message>
    <message>
        <source>Optional: it lets you top up your wallet and raises its limits.</source>
        <translation>可选：绑定后即可为钱包充值，并提高钱包限额。</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>绑定(&amp;L)</translation>
    </message>
    <message>
        <source>Check the card details, use another card, or skip this step.</source>
        <translation>请检查银行卡信息、换一张卡，或跳过此步骤。</translation>
    </message>
    <message>
        <source>Check the account details, or skip this step.</source>
        <translation>请检查账户信息，或跳过此步骤。</translation>
    </message>
    <message>
        <source>Try again.</source>
        <translation>请重试。</translation>
    </message>
</context>
<context>
    <name>bw::ui::PaymentMethodsListModel</name>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Expires soon: %1</source>
        <translation>即将过期：%1</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账户</translation>
    </message>
    <message>
        <source>Bank account · %1</source>
        <translation>银行账户 · %1</translation>
    </message>
    <message>
        <source>Debit card</source>
        <translation>借记卡</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>信用卡</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation>%1 已过期</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>有效期至 %1</translation>
    </message>
    <message>
        <source>In the name of %1</source>
        <translation>持有人：%1</translation>
    </message>
</context>
<context>
    <name>bw::ui::PaymentMethodsPage</name>
    <message>
        <source>Check your connection and press Retry.</source>
        <translation>请检查网络连接，然后点击“重试”。</translation>
    </message>
    <message>
        <source>Remove payment method</source>
        <translation>移除支付方式</translation>
    </message>
    <message>
        <source>Remove %1 from your wallet?</source>
        <translation>要从钱包中移除 %1 吗？</translation>
    </message>
    <message>
        <source>You can link it again at any time. Payments already on their way are not affected.</source>
        <translation>可随时重新绑定，处理中的付款不受影响。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Press Retry to see what the bank has now.</source>
        <translation>请点击“重试”查看银行的最新记录。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Loading your cards and accounts…</source>
        <translation>正在加载您的银行卡和账户…</translation>
    </message>
    <message>
        <source>Your cards and accounts are not shown until the bank answers.</source>
        <translation>银行响应后才会显示您的银行卡和账户。</translation>
    </message>
    <message>
        <source>&amp;Add card or account…</source>
        <translation>添加银行卡或账户(&amp;A)…</translation>
    </message>
    <message>
        <source>Make &amp;default</source>
        <translation>设为默认(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>移除(&amp;M)…</translation>
    </message>
    <message>
        <source>Linked cards and bank accounts</source>
        <translation>已绑定的银行卡和银行账户</translation>
    </message>
</context>
<context>
    <name>bw::ui::PinEntry</name>
    <message>
        <source>Payment PIN</source>
        <translation>支付密码</translation>
    </message>
    <message>
        <source>%1, digit %2 of %3</source>
        <translation>%1，第 %2 位，共 %3 位</translation>
    </message>
</context>
<context>
    <name>bw::ui::QrCodeView</name>
    <message>
        <source>QR code</source>
        <translation>二维码</translation>
    </message>
</context>
<context>
    <name>bw::ui::ReceiptDialog</name>
    <message>
        <source>Receipts cannot be loaded right now.</source>
        <translation>暂时无法加载回单。</translation>
    </message>
    <message>
        <source>The receipt could not be loaded.</source>
        <translation>回单加载失败。</translation>
    </message>
    <message>
        <source>Check your connection, then try again.</source>
        <translation>请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>回单 %1</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>将回单保存为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>There is no receipt to save yet.</source>
        <translation>暂无可保存的回单。</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Receipt number copied.</source>
        <translation>回单编号已复制。</translation>
    </message>
    <message>
        <source>Copy receipt number</source>
        <translation>复制回单编号</translation>
    </message>
    <message>
        <source>Load the receipt again</source>
        <translation>重新加载回单</translation>
    </message>
</context>
<context>
    <name>bw::ui::ReceiptPdf</name>
    <message>
        <source>Issued by %1 through BankWallet on %2. This receipt records the transaction as the bank has it; keep it for your records.</source>
        <translation>由%1通过 BankWallet 于%2出具。本回单记录的是银行系统中的交易信息，请妥善保存。</translation>
    </message>
    <message>
        <source>Choose where to save the receipt.</source>
        <translation>请选择回单的保存位置。</translation>
    </message>
    <message>
        <source>The receipt could not be saved to %1: %2. Choose another folder and try again.</source>
        <translation>回单无法保存到 %1：%2。请选择其他文件夹后重试。</translation>
    </message>
    <message>
        <source>The receipt could not be saved to %1. Choose another folder and try again.</source>
        <translation>回单无法保存到 %1。请选择其他文件夹后重试。</translation>
    </message>
</context>
<context>
    <name>bw::ui::ReceiptText</name>
    <message>
        <source>Payment receipt</source>
        <translation>付款电子回单</translation>
    </message>
    <message>
        <source>Transfer receipt</source>
        <translation>转账电子回单</translation>
    </message>
    <message>
        <source>Top-up receipt</source>
        <translation>充值电子回单</translation>
    </message>
    <message>
        <source>Withdrawal receipt</source>
        <translation>提现电子回单</translation>
    </message>
    <message>
        <source>Receipt of money received</source>
        <translation>收款电子回单</translation>
    </message>
    <message>
        <source>Transaction receipt</source>
        <translation>交易电子回单</translation>
    </message>
    <message>
        <source>The money is in your wallet.</source>
        <translation>款项已存入您的钱包。</translation>
    </message>
    <message>
        <source>The bank has completed this transaction.</source>
        <translation>银行已完成此笔交易。</translation>
    </message>
    <message>
        <source>The bank has accepted this transaction and is still processing it. The result will appear in your history.</source>
        <translation>银行已受理此笔交易，正在处理中。处理结果将显示在交易记录中。</translation>
    </message>
    <message>
        <source>Held for a compliance review. The money stays reserved until the bank decides; you will be notified of the decision.</source>
        <translation>此笔交易正在接受合规审核。在银行作出决定前，款项将保持冻结；审核结果会通知您。</translation>
    </message>
    <message>
        <source>The bank rejected this transaction. No money was moved.</source>
        <translation>银行已拒绝此笔交易，资金未发生变动。</translation>
    </message>
    <message>
        <source>%1 Reason: %2</source>
        <translation>%1原因：%2</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>BankWallet user</source>
        <translation>BankWallet 用户</translation>
    </message>
    <message>
        <source>External sender</source>
        <translation>外部付款方</translation>
    </message>
    <message>
        <source>Your card or bank account</source>
        <translation>您的银行卡或账户</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账户</translation>
    </message>
    <message>
        <source>Amount received</source>
        <translation>收款金额</translation>
    </message>
    <message>
        <source>Added to your balance</source>
        <translation>存入余额</translation>
    </message>
    <message>
        <source>Paid into your account</source>
        <translation>转入您的账户</translation>
    </message>
    <message>
        <source>Payee receives</source>
        <translation>收款方实收</translation>
    </message>
    <message>
        <source>Sent by the payer</source>
        <translation>付款方付出</translation>
    </message>
    <message>
        <source>Charged to your card or account</source>
        <translation>从您的银行卡或账户扣款</translation>
    </message>
    <message>
        <source>Total debited</source>
        <translation>扣款合计</translation>
    </message>
    <message>
        <source>Converted at the mid-market rate (%1): the CNY principal is the amount the payee receives divided by the rate, and each fee is calculated on the principal. Amounts are rounded half-to-even to the fen (CNY 0.01).</source>
        <translation>按中间价（%1）换算：人民币本金 = 收款方实收金额 ÷ 汇率，各项手续费均按本金计算。金额按“四舍六入五成双”规则保留到分（0.01 元）。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>回单编号</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Converted to CNY</source>
        <translation>折合人民币</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Currency conversion</source>
        <translation>货币兑换</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>汇率</translation>
    </message>
    <message>
        <source>How it was calculated</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Travel rule information</source>
        <translation>跨境汇款信息（旅行规则）</translation>
    </message>
    <message>
        <source>Originator</source>
        <translation>汇款人</translation>
    </message>
    <message>
        <source>Originator's wallet</source>
        <translation>汇款人钱包</translation>
    </message>
    <message>
        <source>Originator's document country</source>
        <translation>汇款人证件国家/地区</translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation>收款人</translation>
    </message>
    <message>
        <source>Beneficiary's account</source>
        <translation>收款人账户</translation>
    </message>
    <message>
        <source>Beneficiary's country</source>
        <translation>收款人国家/地区</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation>交易流水号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>bw::ui::ReceivePage</name>
    <message>
        <source>Your payment request cannot be shown until then.</source>
        <translation>在此之前无法显示您的收款请求。</translation>
    </message>
    <message>
        <source>Enter an amount above zero, or leave the field empty.</source>
        <translation>请输入大于零的金额，或留空。</translation>
    </message>
    <message>
        <source>Remove line breaks, tabs and other special characters from the note.</source>
        <translation>请删除备注中的换行符、制表符等特殊字符。</translation>
    </message>
    <message>
        <source>The note can be at most %1 characters long.</source>
        <translation>备注最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Any amount</source>
        <translation>金额由付款人填写</translation>
    </message>
    <message>
        <source>Loading your details…</source>
        <translation>正在读取您的信息…</translation>
    </message>
    <message>
        <source>Your QR code appears here once you are signed in.</source>
        <translation>登录后将在此显示您的收款二维码。</translation>
    </message>
    <message>
        <source>Correct the amount or the note to see your QR code.</source>
        <translation>请修改金额或备注后查看收款二维码。</translation>
    </message>
    <message>
        <source>Scan with BankWallet to pay</source>
        <translation>使用 BankWallet 扫码付款</translation>
    </message>
    <message>
        <source>There is no QR code to save yet.</source>
        <translation>暂无可保存的二维码。</translation>
    </message>
    <message>
        <source>The image could not be saved to %1. Choose another folder.</source>
        <translation>无法将图片保存为 %1，请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
    <message>
        <source>Link copied. Paste it into a message to the payer.</source>
        <translation>链接已复制，请粘贴到发给付款人的消息中。</translation>
    </message>
    <message>
        <source>Save the payment request as an image</source>
        <translation>将收款请求保存为图片</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>payment-request.png</source>
        <translation>收款码.png</translation>
    </message>
</context>
<context>
    <name>bw::ui::SecurityDialog</name>
    <message>
        <source>Check your connection and try again.</source>
        <translation>请检查网络连接后重试。</translation>
    </message>
</context>
<context>
    <name>bw::ui::SecurityPage</name>
    <message>
        <source>Press Reload or come back later.</source>
        <translation>请点击“刷新”或稍后再试。</translation>
    </message>
    <message>
        <source>Payments are frozen until you change the PIN.</source>
        <translation>修改支付密码前，付款将保持冻结。</translation>
    </message>
    <message>
        <source>On: codes come from your authenticator app.</source>
        <translation>已开启：验证码来自您的身份验证器应用。</translation>
    </message>
    <message>
        <source>Codes come by SMS to your phone. An authenticator app works without mobile signal.</source>
        <translation>验证码通过短信发送到您的手机。身份验证器应用在没有手机信号时也能使用。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Press Reload to try again.</source>
        <translation>请点击“刷新”重试。</translation>
    </message>
    <message>
        <source>%1 · This computer</source>
        <translation>%1 · 本机</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未使用</translation>
    </message>
    <message>
        <source>This computer cannot remove itself. Sign out instead.</source>
        <translation>无法移除本机。请改为退出登录。</translation>
    </message>
    <message>
        <source>Your password was changed. Use the new one the next time you sign in.</source>
        <translation>登录密码已修改。下次登录请使用新密码。</translation>
    </message>
    <message>
        <source>Your payment PIN was changed and payments are unfrozen.</source>
        <translation>支付密码已修改，付款已解冻。</translation>
    </message>
    <message>
        <source>Your payment PIN was changed. Use the new PIN for your next payment.</source>
        <translation>支付密码已修改。下次付款请使用新支付密码。</translation>
    </message>
    <message>
        <source>The authenticator app is on. Larger payments and security changes now ask for its code.</source>
        <translation>身份验证器已开启。大额付款和安全设置修改将要求输入其验证码。</translation>
    </message>
    <message>
        <source>The authenticator app is off. Codes come by SMS again.</source>
        <translation>身份验证器已关闭。验证码将重新通过短信发送。</translation>
    </message>
    <message>
        <source>Remove device</source>
        <translation>移除设备</translation>
    </message>
    <message>
        <source>Remove “%1” from your wallet?</source>
        <translation>要从钱包中移除“%1”吗？</translation>
    </message>
    <message>
        <source>It is signed out at once and can no longer sign in or pay. To use it again, add it with your phone number, an SMS code and your password.</source>
        <translation>该设备将立即退出登录，且无法再登录或付款。如需再次使用，请用手机号、短信验证码和登录密码重新添加。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>正在移除…</translation>
    </message>
    <message>
        <source>Press Reload and try again.</source>
        <translation>请点击“刷新”后重试。</translation>
    </message>
    <message>
        <source>“%1” was removed from your wallet.</source>
        <translation>已从钱包中移除“%1”。</translation>
    </message>
    <message>
        <source>Devices that can sign in to your wallet</source>
        <translation>可登录您钱包的设备</translation>
    </message>
    <message>
        <source>Minutes without activity before the wallet locks</source>
        <translation>钱包自动锁定前的无操作分钟数</translation>
    </message>
</context>
<context>
    <name>bw::ui::SettingsDialog</name>
    <message>
        <source>Enter the address of your bank's gateway, e.g. https://wallet.yourbank.example</source>
        <translation>请输入您银行的网关地址，例如 https://wallet.yourbank.example</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Could not connect: %1 Check the address and your network.</source>
        <translation>无法连接：%1 请检查地址和网络。</translation>
    </message>
    <message>
        <source>Connected — the bank gateway answered.</source>
        <translation>已连接 — 银行网关已响应。</translation>
    </message>
    <message>
        <source>Minutes without activity before the wallet locks</source>
        <translation>钱包自动锁定前的无操作分钟数</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Bank gateway address</source>
        <translation>银行网关地址</translation>
    </message>
    <message>
        <source>The demo bank that comes with BankWallet: simulated money, for trying the app and for demos</source>
        <translation>BankWallet 自带的演示银行：使用模拟资金，供试用和演示</translation>
    </message>
</context>
<context>
    <name>bw::ui::SignInPage</name>
    <message>
        <source>Sign-in is locked until %1 (%2 left).</source>
        <translation>登录已锁定至 %1（还剩 %2）。</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Wait until then, or choose "Forgot password?" to set a new password now.</source>
        <translation>密码错误次数过多。请等待锁定结束，或点击“忘记密码？”立即设置新密码。</translation>
    </message>
    <message>
        <source>Your password is changed. Sign in with your new password.</source>
        <translation>密码已修改，请使用新密码登录。</translation>
    </message>
    <message>
        <source>The lock has ended. You can sign in again.</source>
        <translation>锁定已解除，您可以重新登录。</translation>
    </message>
    <message>
        <source>BankWallet is locked</source>
        <translation>BankWallet 已锁定</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>欢迎回来</translation>
    </message>
    <message>
        <source>Enter your password to open your wallet.</source>
        <translation>请输入密码以打开您的钱包。</translation>
    </message>
    <message>
        <source>Locked after 1 second without activity.</source>
        <translation>因 1 秒无操作，已自动锁定。</translation>
    </message>
    <message>
        <source>Locked after %1 seconds without activity.</source>
        <translation>因 %1 秒无操作，已自动锁定。</translation>
    </message>
    <message>
        <source>Locked after 1 minute without activity.</source>
        <translation>因 1 分钟无操作，已自动锁定。</translation>
    </message>
    <message>
        <source>Locked after %1 minutes without activity.</source>
        <translation>因 %1 分钟无操作，已自动锁定。</translation>
    </message>
    <message>
        <source>You locked BankWallet.</source>
        <translation>您已锁定 BankWallet。</translation>
    </message>
    <message>
        <source>The bank ended your session.</source>
        <translation>银行已结束您本次的登录。</translation>
    </message>
    <message>
        <source>Enter your password to unlock it.</source>
        <translation>请输入密码解锁。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Locked because your computer's screen was locked.</source>
        <translation>因电脑屏幕已锁定，BankWallet 已随之锁定。</translation>
    </message>
</context>
<context>
    <name>bw::ui::SignInPrompt</name>
    <message>
        <source>Your wallet is open. To finish setting it up, sign in with the password you chose.</source>
        <translation>您的钱包已开通。请使用您设置的密码登录，以完成剩余设置。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
</context>
<context>
    <name>bw::ui::SimulatedPhone</name>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Waiting for a code from the bank</source>
        <translation>正在等待银行发送验证码</translation>
    </message>
    <message>
        <source>%1 to %2 at %3</source>
        <translation>%3 发送%1至 %2</translation>
    </message>
</context>
<context>
    <name>bw::ui::SmsCodeButton</name>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Resend in %1 s</source>
        <translation>%1 秒后可重发</translation>
    </message>
    <message>
        <source>Resend SMS code</source>
        <translation>重新发送验证码</translation>
    </message>
    <message>
        <source>Send SMS code</source>
        <translation>发送短信验证码</translation>
    </message>
    <message>
        <source>We sent a code to your phone. It is valid for 5 minutes.</source>
        <translation>验证码已发送到您的手机，5分钟内有效。</translation>
    </message>
    <message>
        <source>Use the code already sent.</source>
        <translation>请使用已发送的验证码。</translation>
    </message>
</context>
<context>
    <name>bw::ui::StaffActions</name>
    <message>
        <source>Incoming transfer</source>
        <translation>转入款项</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>提现</translation>
    </message>
    <message>
        <source>Sign in to the wallet to use these actions.</source>
        <translation>请登录钱包后使用这些操作。</translation>
    </message>
    <message>
        <source>The wallet is at tier %1 now.</source>
        <translation>钱包当前等级：%1 级。</translation>
    </message>
    <message>
        <source>Enter an amount above zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <source>Done: the customer's identity was verified in the branch. The wallet is now at tier 1.</source>
        <translation>已完成：客户身份已在网点核验，钱包现为一级。</translation>
    </message>
    <message>
        <source>%1 from %2 arrived in the wallet.</source>
        <translation>来自 %2 的 %1 已到账。</translation>
    </message>
    <message>
        <source>%1 from %2 is held for review: the sender's name is similar to a name on a sanctions list. Approve or reject it under Held payments.</source>
        <translation>来自 %2 的 %1 已暂扣待审核：汇款人姓名与制裁名单上的姓名相似。请在“待审核交易”中批准或拒绝。</translation>
    </message>
    <message>
        <source>The bank refused %1 from %2. %3</source>
        <translation>银行已拒收来自 %2 的 %1。%3</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>付给 %1</translation>
    </message>
    <message>
        <source>Approved: %1 from %2 is now in the wallet.</source>
        <translation>已批准：来自 %2 的 %1 已到账。</translation>
    </message>
    <message>
        <source>Approved: %1 to %2 has been paid.</source>
        <translation>已批准：付给 %2 的 %1 已完成支付。</translation>
    </message>
    <message>
        <source>Rejected: %1 from %2 was sent back to the sender.</source>
        <translation>已拒绝：来自 %2 的 %1 已退回汇款人。</translation>
    </message>
    <message>
        <source>Rejected: %1 to %2 was not paid; the money is back in the wallet.</source>
        <translation>已拒绝：付给 %2 的 %1 未支付，款项已退回钱包。</translation>
    </message>
    <message>
        <source>Reset the demo bank?</source>
        <translation>重置演示银行？</translation>
    </message>
    <message>
        <source>Reset the demo bank to its starting state?</source>
        <translation>要将演示银行重置为初始状态吗？</translation>
    </message>
    <message>
        <source>This erases, at the demo bank: every wallet opened since the demo started (this one too) with its balances, payments, held payments, linked cards and bank accounts, devices and sessions, and every message on the simulated phone.

This computer then forgets its wallet, and you start again by opening a new wallet. The list of banks and merchants stays. This cannot be undone.</source>
        <translation>此操作将清除演示银行中的以下内容：演示开始以来开立的所有钱包（包括本钱包）及其余额、交易、待审核交易、绑定的银行卡和银行账户、设备和登录会话，以及模拟手机上的所有消息。

随后这台电脑将不再保留该钱包，您需要重新开立钱包。银行和商户列表保持不变。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Reset demo</source>
        <translation>重置演示</translation>
    </message>
    <message>
        <source>The demo bank was reset. Open a new wallet to start the demo again.</source>
        <translation>演示银行已重置。请开立新钱包以重新开始演示。</translation>
    </message>
</context>
<context>
    <name>bw::ui::StartupPage</name>
    <message>
        <source>BankWallet cannot open your wallet</source>
        <translation>BankWallet 无法打开您的钱包</translation>
    </message>
    <message>
        <source>Opening BankWallet…</source>
        <translation>正在打开 BankWallet…</translation>
    </message>
    <message>
        <source>Looking for your wallet in this computer's keychain.</source>
        <translation>正在此电脑的钥匙串中查找您的钱包。</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
</context>
<context>
    <name>bw::ui::TierBadge</name>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已实名</translation>
    </message>
    <message>
        <source>Bank-linked</source>
        <translation>已绑定银行账户</translation>
    </message>
    <message>
        <source>Verified in branch</source>
        <translation>已柜面核验</translation>
    </message>
    <message>
        <source>Tier %1 · %2</source>
        <translation>%1 类钱包 · %2</translation>
    </message>
    <message>
        <source>Wallet tier</source>
        <translation>钱包等级</translation>
    </message>
</context>
<context>
    <name>bw::ui::TierLimitsView</name>
    <message>
        <source>Per payment</source>
        <translation>单笔</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Per year</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>Balance up to</source>
        <translation>余额上限</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>无限额</translation>
    </message>
</context>
<context>
    <name>bw::ui::TwoFactorDialog</name>
    <message>
        <source>Turn on the authenticator app</source>
        <translation>开启身份验证器</translation>
    </message>
    <message>
        <source>Use an authenticator app</source>
        <translation>使用身份验证器应用</translation>
    </message>
    <message>
        <source>Larger payments and changes to your security settings then ask for a code from the app instead of an SMS.</source>
        <translation>开启后，大额付款和安全设置修改将使用应用中的验证码，而不是短信验证码。</translation>
    </message>
    <message>
        <source>&amp;Code from the app</source>
        <translation>应用中的验证码(&amp;C)</translation>
    </message>
    <message>
        <source>Code from the authenticator app</source>
        <translation>身份验证器中的验证码</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>Turn off the authenticator app</source>
        <translation>关闭身份验证器</translation>
    </message>
    <message>
        <source>Codes will come by SMS again. To confirm it is you, enter a code from your authenticator app, or ask for an SMS code.</source>
        <translation>关闭后验证码将重新通过短信发送。为确认是您本人操作，请输入身份验证器中的验证码，或获取短信验证码。</translation>
    </message>
    <message>
        <source>&amp;Code from the app or SMS</source>
        <translation>应用或短信验证码(&amp;C)</translation>
    </message>
    <message>
        <source>Code from the authenticator app or SMS</source>
        <translation>身份验证器或短信中的验证码</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Asking the bank for a new key…</source>
        <translation>正在向银行申请新密钥…</translation>
    </message>
    <message>
        <source>Press Retry to try again.</source>
        <translation>请点击“重试”。</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>正在核对验证码…</translation>
    </message>
    <message>
        <source>Turning off…</source>
        <translation>正在关闭…</translation>
    </message>
    <message>
        <source>Enter the code the app shows now.</source>
        <translation>请输入应用当前显示的验证码。</translation>
    </message>
    <message>
        <source>Enter a new code from the app, or ask for an SMS code.</source>
        <translation>请输入应用中的新验证码，或获取短信验证码。</translation>
    </message>
</context>
<context>
    <name>bw::ui::TwoFactorPage</name>
    <message>
        <source>Two-step verification</source>
        <translation>两步验证</translation>
    </message>
    <message>
        <source>Larger payments and changes to your security settings ask for a second code. Choose where it comes from.</source>
        <translation>大额付款和修改安全设置时需要输入第二个验证码。请选择验证码的接收方式。</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>验证(&amp;V)</translation>
    </message>
    <message>
        <source>Press Retry, or use SMS codes instead.</source>
        <translation>请点击“重试”，或改用短信验证码。</translation>
    </message>
    <message>
        <source>Try again.</source>
        <translation>请重试。</translation>
    </message>
</context>
</TS>
