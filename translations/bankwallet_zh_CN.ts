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
    <name>BanksModel</name>
    <message>
        <source>This bank does not offer wallets yet.</source>
        <translation>该银行暂未开通钱包服务。</translation>
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
        <source>The code is not correct. Check your device&apos;s clock and try the current code.</source>
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
        <source>Dashboard</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Welcome to BankWallet</source>
        <translation>欢迎使用 BankWallet</translation>
    </message>
    <message>
        <source>Your balances, limits, linked cards and recent activity will appear here once your wallet is open.</source>
        <translation>开通钱包后,您的余额、限额、已绑定的卡和最近的交易将显示在这里。</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
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
    <name>HistoryService</name>
    <message>
        <source>Sign in to update your history.</source>
        <translation>请登录以更新交易记录。</translation>
    </message>
    <message>
        <source>The wallet&apos;s data on this computer is not open yet.</source>
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
    <name>Keychain</name>
    <message>
        <source>BankWallet&apos;s entry was not found in your keyring.</source>
        <extracomment>Shown when BankWallet&apos;s entry is missing from the system keyring (password store).</extracomment>
        <translation>在您的密钥环中找不到 BankWallet 的条目。</translation>
    </message>
    <message>
        <source>Your keyring is locked or BankWallet was not allowed to use it. Unlock your keyring (for example the &quot;Login&quot; keyring in Passwords and Keys), allow access, and try again.</source>
        <extracomment>&quot;Keyring&quot; is the system password store (GNOME Keyring, KWallet, macOS Keychain).</extracomment>
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
        <source>BankWallet&apos;s entry in your keyring is damaged. BankWallet left it unchanged so that your data is not lost. Please contact your bank&apos;s support.</source>
        <translation>您密钥环中 BankWallet 的条目已损坏。为避免数据丢失,BankWallet 未作任何改动。请联系您的银行客服。</translation>
    </message>
    <message>
        <source>BankWallet asked your keyring for an invalid entry. This is a bug in BankWallet; please report it to your bank&apos;s support.</source>
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
</context>
<context>
    <name>MerchantsModel</name>
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
        <translation>类别</translation>
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
    <name>ModelLabels</name>
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
        <translation>收款</translation>
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
    <name>OnboardingService</name>
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
    <name>PaymentMethodService</name>
    <message>
        <source>Choose the bank that holds the account.</source>
        <translation>请选择开立该账户的银行。</translation>
    </message>
</context>
<context>
    <name>PaymentMethodsModel</name>
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
        <translation>已于 %1 过期</translation>
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
    <name>PaymentState</name>
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
        <source>The bank&apos;s answer did not arrive. BankWallet is checking whether the payment went through; it will never be made twice.</source>
        <translation>未收到银行的答复。BankWallet 正在核实这笔付款是否成功；同一笔付款绝不会重复扣款。</translation>
    </message>
    <message>
        <source>The payment never reached the bank and its quote has expired, so nothing was paid. You can start the payment again.</source>
        <translation>这笔付款未到达银行，且报价已过期，因此没有发生任何扣款。您可以重新发起付款。</translation>
    </message>
</context>
<context>
    <name>SessionService</name>
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
    <name>SettingsService</name>
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
    <name>StorageError</name>
    <message>
        <source>The wallet&apos;s local data file cannot be opened. Check that the data folder exists and that you may write to it.</source>
        <translation>无法打开钱包的本地数据文件。请检查数据文件夹是否存在以及您是否有写入权限。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space, then try again; nothing was lost.</source>
        <translation>磁盘已满。请释放一些空间后重试；没有丢失任何数据。</translation>
    </message>
    <message>
        <source>The wallet&apos;s local data file is damaged. Your money is safe at the bank; contact support to restore the local data.</source>
        <translation>钱包的本地数据文件已损坏。您在银行的资金是安全的；请联系客服恢复本地数据。</translation>
    </message>
    <message>
        <source>The wallet&apos;s local data was written by a newer version of BankWallet. Install the newer version to open it; the data was not changed.</source>
        <translation>钱包的本地数据由更新版本的 BankWallet 写入。请安装更新版本后再打开；数据未被更改。</translation>
    </message>
    <message>
        <source>The key in your keychain does not match this wallet&apos;s local data. The data was not changed.</source>
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
        <source>The wallet&apos;s local data is in use by another program. Close other copies of BankWallet and try again.</source>
        <translation>钱包的本地数据正被其他程序使用。请关闭其他 BankWallet 窗口后重试。</translation>
    </message>
    <message>
        <source>The wallet&apos;s local data file is read-only. Check the permissions of the data folder.</source>
        <translation>钱包的本地数据文件为只读。请检查数据文件夹的权限。</translation>
    </message>
    <message>
        <source>The wallet&apos;s local data is not open.</source>
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
        <source>The wallet&apos;s local data could not be read or saved. Try again; if this persists, contact support.</source>
        <translation>无法读取或保存钱包的本地数据。请重试；如果问题仍然存在，请联系客服。</translation>
    </message>
    <message>
        <source>The operation was cancelled because the app is closing.</source>
        <translation>应用正在关闭，操作已取消。</translation>
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
        <source>Try &apos;bankwallet --help&apos; for more.</source>
        <translation>更多信息请运行 &apos;bankwallet --help&apos;。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>无法识别的参数:%1</translation>
    </message>
    <message>
        <source>Unknown language &apos;%1&apos;. Use en or zh_CN.</source>
        <translation>未知语言 &apos;%1&apos;。请使用 en 或 zh_CN。</translation>
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
        <source>&apos;%1&apos; is not a gateway address. Use http:// or https:// followed by a host, for example https://bank.example:8443.</source>
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
    <message numerus="yes">
        <source>Amounts in %1 have at most %n decimal place(s).</source>
        <extracomment>%1 is a currency code such as CNY; %n is the number of decimal places allowed.</extracomment>
        <translation>
            <numerusform>%1 金额最多只能有 %n 位小数。</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter an amount in %1.</source>
        <extracomment>%1 is a currency code such as CNY.</extracomment>
        <translation>请输入以 %1 计价的金额。</translation>
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
        <source>The bank could not read the app&apos;s request. Please try again; if it keeps happening, update the app.</source>
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
        <source>A wallet with this phone number already exists. Sign in, or use &quot;Forgot password&quot;.</source>
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
        <source>The name on the card or account must be the wallet owner&apos;s name.</source>
        <translation>银行卡或账户上的姓名必须与钱包持有人一致。</translation>
    </message>
    <message>
        <source>This desktop is not set up for your wallet. Add this device again.</source>
        <translation>这台电脑尚未绑定您的钱包。请重新添加此设备。</translation>
    </message>
    <message>
        <source>The bank did not accept this device&apos;s signature. Add this device again.</source>
        <translation>银行未接受此设备的签名。请重新添加此设备。</translation>
    </message>
    <message>
        <source>This device was removed from your wallet. Add it again to continue.</source>
        <translation>此设备已从您的钱包中移除。请重新添加后继续。</translation>
    </message>
    <message>
        <source>Your computer&apos;s clock is wrong by more than 5 minutes. Correct the date and time, then try again.</source>
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
        <source>Your wallet&apos;s level does not allow this. Verify your identity or link a bank card to upgrade it.</source>
        <translation>您的钱包等级不支持此操作。请验证身份或绑定银行卡以升级钱包。</translation>
    </message>
    <message>
        <source>Cross-border payments of this size need a verified identity. Verify your identity first.</source>
        <translation>此金额的跨境付款需要已验证的身份。请先验证身份。</translation>
    </message>
    <message>
        <source>This payment is over your wallet&apos;s limit.</source>
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
        <source>The card&apos;s security code (CVC) is wrong. Check it and add the card again.</source>
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
</context>
<context>
    <name>bw::services::PaymentMethodService</name>
    <message>
        <source>Sign in to manage your cards and accounts.</source>
        <translation>请登录后管理您的银行卡和账户。</translation>
    </message>
</context>
<context>
    <name>bw::ui::AboutDialog</name>
    <message>
        <source>BankWallet is free software under the MIT licence. It comes with no warranty; your bank&apos;s terms of service govern your account.</source>
        <translation>BankWallet 是基于 MIT 许可证的自由软件,不提供任何担保;您的账户受银行服务条款约束。</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>许可证文本</translation>
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
        <source>Demo mode · built-in demo bank at %1</source>
        <translation>演示模式 · 内置演示银行 %1</translation>
    </message>
    <message>
        <source>Built-in demo bank at %1</source>
        <translation>内置演示银行 %1</translation>
    </message>
    <message>
        <source>Bank gateway: %1</source>
        <translation>银行网关:%1</translation>
    </message>
</context>
</TS>
