<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About BankWallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BankWallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The digital wallet from your bank: pay, send, top up, withdraw and keep every record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenSSL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QtKeychain:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CryptoError</name>
    <message>
        <source>The system could not provide secure random numbers. Restart the application; if this persists, contact support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An internal encryption error occurred. Restart the application; if this persists, contact support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data given to the encryption routine is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encryption key has the wrong length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encryption nonce has the wrong length.</source>
        <extracomment>A nonce is a one-time random value used by the encryption.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authentication tag has the wrong length.</source>
        <extracomment>The tag is the checksum that proves encrypted data was not changed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted data is damaged or incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data was written by a newer version of BankWallet. Update the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted data could not be verified: it was changed or belongs to a different key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password hashing settings are invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password hashing settings need more memory than allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored password record is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored record uses an algorithm this version does not support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text contains a character that is not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text has the wrong length; a character may be missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text ends incorrectly; check the last characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-time code settings are invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authenticator key is too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the code exactly as shown, digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code is not correct. Check your device&apos;s clock and try the current code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code was already used. Wait for the next code and enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown encryption error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to BankWallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your balances, limits, linked cards and recent activity will appear here once your wallet is open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>BankWallet&apos;s entry was not found in your keyring.</source>
        <extracomment>Shown when BankWallet&apos;s entry is missing from the system keyring (password store).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your keyring is locked or BankWallet was not allowed to use it. Unlock your keyring (for example the &quot;Login&quot; keyring in Passwords and Keys), allow access, and try again.</source>
        <extracomment>&quot;Keyring&quot; is the system password store (GNOME Keyring, KWallet, macOS Keychain).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure password storage is available. Install and start a Secret Service provider such as GNOME Keyring or KWallet, make sure you are in a desktop session, and start BankWallet again. BankWallet never stores your secrets in plain files instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your keyring did not answer in time. If a password prompt is open, answer it; otherwise check that your keyring service is running, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BankWallet&apos;s entry in your keyring is damaged. BankWallet left it unchanged so that your data is not lost. Please contact your bank&apos;s support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BankWallet asked your keyring for an invalid entry. This is a bug in BankWallet; please report it to your bank&apos;s support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your keyring reported an error. Try again; if it keeps failing, restart your keyring service or log out and back in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your keyring reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>BankWallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close BankWallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About BankWallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bw::app</name>
    <message>
        <source>Cannot create the data folder %1. Check that the disk is not full and that you may write there, or choose another folder with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BankWallet — the digital wallet from your bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the interface: en or zh_CN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep everything BankWallet writes (database, settings, logs) in &lt;dir&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;bankwallet --help&apos; for more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language &apos;%1&apos;. Use en or zh_CN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--data-dir needs a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BankWallet cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bw::core::Currency</name>
    <message>
        <source>Australian Dollar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bahraini Dinar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canadian Dollar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swiss Franc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese Yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Euro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>British Pound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hong Kong Dollar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indian Rupee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japanese Yen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>South Korean Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kuwaiti Dinar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macanese Pataca</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malaysian Ringgit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Zealand Dollar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Singapore Dollar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thai Baht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Taiwan Dollar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US Dollar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bw::core::Money</name>
    <message>
        <source>No currency was chosen for this amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These amounts are in different currencies.</source>
        <extracomment>Adding or comparing, e.g., yuan and dollars without converting first.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank sent an exchange or fee rate that cannot be used. Try again later.</source>
        <extracomment>An exchange rate or fee rate received from the bank could not be used.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the amount as a number, for example 1,234.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount has too many decimal places.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts in %1 have no decimal places.</source>
        <extracomment>%1 is a currency code such as JPY.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Amounts in %1 have at most %n decimal place(s).</source>
        <extracomment>%1 is a currency code such as CNY; %n is the number of decimal places allowed.</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Enter an amount in %1.</source>
        <extracomment>%1 is a currency code such as CNY.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bw::core::Validation</name>
    <message>
        <source>Enter the card number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card number has digits only. Remove letters and other symbols; spaces and dashes are fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card number has the wrong number of digits. Check it against your card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card number is not valid. Check each digit against your card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the IBAN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An IBAN has letters and digits only. Remove other symbols; spaces are fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This IBAN does not start with the code of a country that uses IBANs. Check the first two letters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This IBAN has the wrong length for its country. Check that no character is missing or extra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This IBAN is not valid; a character may be mistyped. Check it against your bank statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your resident identity card number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A resident identity card number has 18 characters. Check that none is missing or extra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A resident identity card number has 17 digits followed by a digit or the letter X.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth inside this identity card number is not a real date. Check the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth inside this identity card number is in the future. Check the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This identity card number is not valid; a character may be mistyped. Check it against your card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your mobile phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number has digits only, after a + at the start. Spaces and dashes are fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the phone number with + and the country code, for example +86 138 0013 8000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No country uses this calling code. Check the digits after the +.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mainland China mobile number has 11 digits and starts with 1, for example +86 138 0013 8000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is too short. Check that no digit is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number has at most 15 digits, country code included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is not valid. Check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An e-mail address needs an @, as in name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An e-mail address has exactly one @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove spaces and invisible characters from the e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before the @ must have 1 to 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An e-mail address has at most 254 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part after the @ must be a domain such as example.com: letters, digits and hyphens, with at least one dot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your full name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name has at most 100 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name cannot contain digits. Remove them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove invisible or control characters from the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least 8 characters for your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at most 128 characters for your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not use your phone number in your password. Choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not use your name in your password. Choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This password is too common and easy to guess. Choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not use the same digit six times. Choose another PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not use digits in order, such as 123456 or 654321. Choose another PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not use your date of birth as your PIN. Choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment PIN must be exactly 6 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards of this type are not supported. Use a Visa, Mastercard, UnionPay, American Express or JCB card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card has expired. Use a card that is still valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the expiry month as shown on the card, from 01 to 12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the expiry year as shown on the card, for example 28 or 2028.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the security code: the 3 digits on the back of the card, or the 4 digits on the front of an American Express card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the account number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account number has 8 to 30 digits. Check it against your bank statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your date of birth as a real date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth does not match the identity card number. Check both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mastercard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UnionPay</source>
        <extracomment>Card brand; the Chinese name is 银联.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>American Express</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JCB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bw::ui::AboutDialog</name>
    <message>
        <source>BankWallet is free software under the MIT licence. It comes with no warranty; your bank&apos;s terms of service govern your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bw::ui::MainWindow</name>
    <message>
        <source>Choose the language of BankWallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
