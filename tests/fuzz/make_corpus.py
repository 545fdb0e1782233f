#!/usr/bin/env python3
"""Writes the seed corpora under tests/fuzz/corpus/<target>/ and the dictionary tests/fuzz/contract.dict.

How: python3 tests/fuzz/make_corpus.py [ROUTES_FILE]. ROUTES_FILE is the route list the stub target prints
(BW_FUZZ_LIST_ROUTES=1 build/fuzz/tests/fuzz/fuzz_stub_requests -runs=0 2> routes.txt); without it the
stub seeds use the order recorded below. Seeds are named seed-*; regression inputs of fixed bugs are
named regress-* and are never touched by this script. Re-run it after a route or contract change.
"""
import json
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, 'corpus')


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(folder, 'seed-' + name), 'wb') as f:
        f.write(data)


def clear_seeds():
    for target in os.listdir(CORPUS) if os.path.isdir(CORPUS) else []:
        folder = os.path.join(CORPUS, target)
        for name in os.listdir(folder):
            if name.startswith('seed-'):
                os.remove(os.path.join(folder, name))


def body(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(',', ':')).encode('utf-8')


def money(amount, currency='CNY'):
    return {'amount': amount, 'currency': currency}


# --- fuzz_money: byte 0 currency index, byte 1 locale (0 en_US, 1 zh_CN, 2 de_DE, 3 ja_JP) + factor ----
def money_seeds():
    texts = ['1,234.50', '1234.5', '¥12', '12.', '12 元', 'CNY 12', '１２３４．５', '0.01', '0', '1.234,50',
             '90,000,000,000,000.00', '90000000000000.01', '$12', '-5', '1e3', ' 7.2 ', 'RMB 88.8', '12円',
             '€ 1.000,00', '0.006', '7.2345', '9223372036854775807', '-9223372036854775808', '1.999']
    n = 0
    for i, text in enumerate(texts):
        for locale in range(4):
            currency = (i * 5 + locale * 3) % 13
            write('fuzz_money', '%03d' % n, bytes([currency, locale + 4 * (i % 8)]) + text.encode('utf-8'))
            n += 1


# --- fuzz_validators: byte 0 = check, text, 0x1F, second field ------------------------------------------
def validator_seeds():
    seeds = {
        0: ['4242 4242 4242 4242', '5555555555554444', '6200000000000005', '378282246310005',
            '3530111333300000', '4000-0566-5566-5556', '4242424242424241', '1234'],
        1: ['12/31', '01/2030', '13/99', '12\x1f2031', '1\x1f28', '00/00'],
        2: ['123', '1234', '12a'],
        3: ['DE89 3704 0044 0532 0130 00', 'GB82 WEST 1234 5698 7654 32', 'FR14 2004 1010 0505 0001 3M02 606',
            'NL91ABNA0417164300', 'CH9300762011623852957', 'de89370400440532013000', 'XX00'],
        4: ['6222020200112233', '1234 5678 9012', '12'],
        5: ['li.wei@example.cn', '用户@例子.中国', 'a@xn--fsqu00a.xn--fiqs8s', 'a@@b.cn', ' a@b.cn'],
        6: ['Li Wei', '张三', '  Jean-Luc  Picard ', 'R2D2', 'Ａｌｉ'],
        7: ['+86 138 0013 8000', '0086 138 0013 8000', '13800138000\x1f86', '+1 415 555 2671', '+44 7911 123456',
            '+999 1'],
        8: ['11010519491231002X', '11010519900307123X\x1f1990-03-07', '110105194912310021', '11010519491231002x'],
        9: ['Correct-Horse-Battery-42', 'password', 'abc13800138000x\x1f+8613800138000\x1fLi Lei',
            'LiLeiRocks!!\x1f\x1fLi Lei', 'ｐａｓｓｗｏｒｄ１２３'],
        10: ['370915', '123456', '900307\x1f1990-03-07', '111111', '789012', '１２３４５６'],
        11: ['a,b,c\r\n1,"x,y",3\r\n', '\ufeffname,amount\r\n"Li ""Lei""",-12.50\r\n', '\'=SUM(A1),x\r\n',
             'a\r\nb', '"unterminated', 'a,b\r\n1\r\n'],
    }
    for check, texts in seeds.items():
        for i, text in enumerate(texts):
            selector = check + (12 * 3 if check == 2 and len(text) == 4 else 0)  # Amex CVC: brand 3
            write('fuzz_validators', '%02d-%d' % (check, i), bytes([selector]) + text.encode('utf-8'))


# --- fuzz_payment_link: the raw link ----------------------------------------------------------------------
def link_seeds():
    links = [
        'bankwallet:pay?to=%2B8613912345678&amount=12.50&currency=CNY&note=Lunch&name=Li%20Lei',
        'bankwallet:pay?merchant=mer_lantern_coffee&amount=30.00&currency=CNY',
        'bankwallet:pay?to=+8613912345678',
        'BANKWALLET:PAY?merchant=mer_bluebird_coffee_sf&amount=12.34&currency=USD&future=1',
        'bankwallet:pay?to=%2B8613912345678&amount=1235&currency=JPY&note=%E5%8D%88%E9%A5%AD',
        'bankwallet:pay?to=%2B8613912345678&to=%2B8613912345679',
        'bankwallet://pay?to=%2B8613912345678',
        'bankwallet:pay?to=%2B8613912345678&amount=1.000&currency=KWD&name=%E6%9D%8E%E9%9B%B7',
        '  bankwallet:pay?merchant=mer_x&amount=0.01&currency=CNY  ',
        'bankwallet:pay?to=%2B8613912345678&note=%ZZ',
    ]
    for i, link in enumerate(links):
        write('fuzz_payment_link', '%02d' % i, link)


# --- fuzz_client_responses: byte 0 = contract type (fuzz_client_responses.cpp switch) -------------------
def response_seeds():
    otp = {'channel': 'sms', 'to_masked': '+86 139****0001', 'expires_at': '2025-03-01T09:05:00Z',
           'resend_after': '2025-03-01T09:01:00Z'}
    limits = {'per_payment': money(500000), 'daily': money(1000000), 'annual': money(20000000),
              'balance_cap': None, 'used_today': money(1234), 'used_this_year': money(99999)}
    bank = {'id': 'bnk_demo', 'name': 'Demo', 'name_zh': '演示', 'wallet_supported': True, 'country': 'CN'}
    fee = {'kind': 'top_up', 'funding': 'credit', 'rate': '0.006', 'min': money(10),
           'free_allowance': money(100000), 'description': 'Top-up', 'description_zh': '充值'}
    merchant = {'id': 'mer_l', 'name': 'Lantern', 'name_zh': '灯笼咖啡', 'category': 'coffee', 'country': 'CN',
                'currency': 'CNY'}
    device = {'id': 'dev_1', 'name': 'Desk', 'created_at': '2025-03-01T09:00:00Z',
              'last_seen_at': '2025-03-01T09:10:00.250Z', 'current': True}
    card = {'id': 'pm_1', 'type': 'card', 'brand': 'unionpay', 'funding': 'debit', 'last4': '1232',
            'exp_month': 12, 'exp_year': 2030, 'holder_name': 'Li Lei', 'is_default': True}
    account = {'id': 'pm_2', 'type': 'bank_account', 'bank_id': 'bnk_demo', 'bank_name': 'Demo', 'last4': '7890',
               'country': 'CN', 'holder_name': 'Li Lei', 'is_default': False}
    quote = {'quote_id': 'quo_1', 'expires_at': '2025-03-01T09:01:00Z', 'debit': money(8985),
             'credit': money(1234, 'USD'), 'fees': [{'kind': 'fx_margin', 'amount': money(87)}], 'fx_rate': '0.1412',
             'requires': ['pin', 'otp'], 'limits': {'ok': False, 'remaining_today': money(0), 'limit': 'daily'},
             'warnings': ['limit_exceeded'], 'kind': 'payment', 'principal': money(8739), 'travel_rule': False,
             'large_value_report': False}
    payment = {'id': 'pay_1', 'kind': 'payment', 'status': 'succeeded', 'debit': money(8854),
               'credit': money(1234, 'USD'),
               'fees': [{'kind': 'fx_margin', 'amount': money(87)}, {'kind': 'cross_border', 'amount': money(44)}],
               'fx_rate': '0.1412', 'counterparty': {'name': 'Bluebird Coffee', 'type': 'merchant', 'id': 'mer_b'},
               'note': 'lunch 午饭', 'created_at': '2025-03-01T09:00:00Z', 'receipt_no': 'R-0001',
               'large_value_report': False, 'quote_id': 'quo_1',
               'travel_rule': {'originator': {'name': 'Li Lei', 'wallet_id': 'wal_1', 'document_country': 'CN'},
                               'beneficiary': {'name': 'Bluebird', 'account': 'mer_b', 'country': 'US'}}}
    transaction = {'id': 'txn_1', 'payment_id': 'pay_1', 'kind': 'payment', 'status': 'pending_review',
                   'amount': money(-1234), 'fees': [],
                   'counterparty': {'name': 'Lantern', 'type': 'merchant', 'id': 'mer_l'}, 'receipt_no': 'R-2',
                   'created_at': '2025-03-01T09:00:00Z', 'updated_at': '2025-03-01T09:00:01Z',
                   'balance_after': money(98766), 'quote_id': 'quo_2', 'debit': money(1234), 'source': 'balance'}
    outbox = {'to': '+8613900000001', 'channel': 'sms', 'text': 'Code 123456', 'text_zh': '验证码 123456',
              'code': '123456', 'purpose': 'enrollment', 'sent_at': '2025-03-01T09:00:00Z'}
    wallet = {'wallet_id': 'wal_1', 'full_name': 'Li Lei', 'phone_masked': '+86 139****0001', 'tier': 3,
              'kyc_status': 'verified',
              'balances': [{'currency': 'CNY', 'available': money(100000), 'pending': money(0)}],
              'limits': limits, 'totp_enabled': False, 'payments_frozen': False}
    credentials = {'wallet_id': 'wal_1', 'device_id': 'dev_1',
                   'device_secret': 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=', 'tier': 3, 'limits': limits}
    samples = {
        0: {'status': 'ok'}, 1: bank, 2: {'data': [bank, bank]}, 3: fee, 4: {'data': [fee]},
        5: {'base': 'CNY', 'as_of': '2025-03-01T08:00:00Z', 'rates': {'USD': '0.1412', 'JPY': '21.18'}},
        6: merchant, 7: {'data': [merchant]}, 8: otp, 9: {'otp': otp},
        10: {'enrollment_id': 'enr_1', 'status': 'phone_unverified', 'otp': otp},
        11: {'status': 'phone_verified'},
        12: {'status': 'identity_verified', 'kyc': {'result': 'review', 'tier': 3, 'reasons': ['sanctions_review']}},
        13: limits, 14: {k: credentials[k] for k in ('wallet_id', 'device_id', 'device_secret')}, 15: credentials,
        16: {'access_token': 'tok_abc', 'expires_in': 900, 'idle_timeout': 300, 'wallet_id': 'wal_1'},
        17: device, 18: {'data': [device]}, 19: wallet,
        20: {'secret_base32': 'JBSWY3DPEHPK3PXP',
             'otpauth_uri': 'otpauth://totp/BankWallet:wal_1?secret=JBSWY3DPEHPK3PXP'},
        21: {'totp_enabled': True}, 22: {'reset_id': 'rst_1', 'otp': otp}, 23: card, 24: {'data': [card, account]},
        25: quote, 26: payment, 27: {'data': [payment]}, 28: transaction,
        29: {'data': [transaction], 'next_cursor': 'c_42', 'has_more': True}, 30: outbox, 31: {'data': [outbox]},
        32: {'wallet_id': 'wal_1', 'tier': 1},
        33: {'balanced': True, 'entries': 12, 'sum': 0, 'sums': {'CNY': 0}, 'unbalanced_journals': 0,
             'overflow': False, 'reconciled': True, 'wallet_rows_checked': 3, 'open_holds': 0, 'problems': ['x']},
    }
    for which, obj in samples.items():
        write('fuzz_client_responses', '%02d' % which, bytes([which]) + body(obj))
    write('fuzz_client_responses', '23-account', bytes([23]) + body(account))
    envelope = {'error': {'type': 'invalid_request_error', 'code': 'pin_invalid', 'message': 'Wrong PIN.',
                          'param': 'pin', 'attempts_remaining': 3, 'locked_until': '2025-03-01T09:15:00Z',
                          'limit': 'daily', 'retry_after': 30}}
    write('fuzz_client_responses', '34-envelope', bytes([34, 1]) + body(envelope))
    write('fuzz_client_responses', '36-money', bytes([36, 0]) + body(money(-9000000000000000, 'JPY')))
    write('fuzz_client_responses', '37-time', bytes([37, 0]) + b'"2024-05-01T08:30:00.123+08:00"')


# --- fuzz_stub_requests: byte 0 = route index, byte 1 = id choice, body or query -------------------------
STUB_BODIES = {
    ('POST', '/v1/enrollments'): {'bank_id': 'bnk_demo', 'full_name': 'Li Wei', 'phone': '+86 138 0013 8000',
                                  'email': 'li.wei@example.cn'},
    ('POST', '/v1/enrollments/{id}/otp/resend'): {},
    ('POST', '/v1/enrollments/{id}/otp/verify'): {'code': '123456'},
    ('POST', '/v1/enrollments/{id}/identity'): {'document_type': 'cn_resident_id',
                                                'document_number': '11010519491231002X',
                                                'date_of_birth': '1949-12-31', 'nationality': 'CN'},
    ('POST', '/v1/enrollments/{id}/complete'): {'password': 'Correct-Horse-Battery-42', 'payment_pin': '370915',
                                                'device_name': "Li's desktop"},
    ('POST', '/v1/sessions'): {'password': 'Correct-Horse-Battery-42'},
    ('POST', '/v1/devices/otp'): {'phone': '+8613900000001'},
    ('POST', '/v1/devices'): {'phone': '+8613900000001', 'password': 'Correct-Horse-Battery-42', 'code': '123456',
                              'device_name': 'Laptop'},
    ('POST', '/v1/wallet/otp'): {'purpose': 'pin_change'},
    ('POST', '/v1/wallet/totp/confirm'): {'code': '123456'},
    ('DELETE', '/v1/wallet/totp'): {'code': '123456'},
    ('POST', '/v1/wallet/pin'): {'password': 'Correct-Horse-Battery-42', 'new_pin': '581302', 'otp': '123456'},
    ('POST', '/v1/wallet/password'): {'password': 'Correct-Horse-Battery-42',
                                      'new_password': 'Another-Long-Passphrase-7'},
    ('POST', '/v1/password-resets'): {'phone': '+8613900000001', 'document_number': '11010519900307123X'},
    ('POST', '/v1/password-resets/{id}/verify'): {'code': '123456'},
    ('POST', '/v1/password-resets/{id}/complete'): {'new_password': 'Another-Long-Passphrase-7'},
    ('POST', '/v1/payment-methods'): {'type': 'card', 'number': '4242424242424242', 'exp_month': 12,
                                      'exp_year': 2030, 'cvc': '123', 'holder_name': 'Li Lei'},
    ('POST', '/v1/quotes'): {'kind': 'payment', 'amount': money(1234, 'USD'), 'source': 'balance',
                             'destination': {'merchant_id': 'mer_bluebird_coffee_sf'}},
    ('POST', '/v1/payments'): {'quote_id': '@quote@', 'pin': '370915', 'otp': '123456', 'note': 'lunch 午饭'},
    ('POST', '/v1/dev/wallets/{id}/tier'): {'tier': 1},
    ('POST', '/v1/dev/wallets/{id}/incoming'): {'amount': money(10000), 'from_name': 'Wang Fang', 'count': 2},
    ('POST', '/v1/dev/reviews/{id}'): {'decision': 'approve'},
}
EXTRA_BODIES = {
    ('POST', '/v1/payment-methods'): [
        {'type': 'bank_account', 'bank_id': 'bnk_demo', 'account_number': '6222020200112233', 'holder_name': 'Li Lei'},
        {'type': 'bank_account', 'bank_id': 'bnk_demo', 'iban': 'DE89370400440532013000', 'holder_name': 'Li Lei'}],
    ('POST', '/v1/payments'): [{'quote_id': '@quote@', 'pin': '370915'}, {'quote_id': '@quote@', 'pin': '000000'},
                               {'quote_id': '@quote2@', 'pin': '370915', 'otp': '123456'}],
    ('POST', '/v1/quotes'): [
        {'kind': 'transfer', 'amount': money(100), 'source': 'balance', 'destination': {'phone': '+8613900000002'}},
        {'kind': 'top_up', 'amount': money(50000), 'source': '@card@'},
        {'kind': 'withdrawal', 'amount': money(100), 'source': 'balance', 'destination': {'payment_method_id': 'pm_x'}}],
    ('POST', '/v1/enrollments/{id}/identity'): [
        {'document_type': 'passport', 'document_number': 'E12345678', 'date_of_birth': '1990-03-07',
         'nationality': 'US'}],
}
QUERIES = {
    '/v1/transactions': ['limit=20', 'limit=5&after=c_1&kind=payment', 'limit=0', 'limit=abc'],
    '/v1/merchants': ['q=coffee', 'q=%E5%92%96%E5%95%A1'],
    '/v1/dev/outbox': ['to=%2B8613900000001', 'to=li.lei%40example.com'],
    '/v1/payments': ['quote_id=quo_8f3a1c', 'quote_id='],
}


def stub_seeds(routes_file):
    routes = []
    text = open(routes_file).read() if routes_file else ''
    for line in text.splitlines():
        m = re.match(r'^(\d+) (\S+) (\S+)$', line.strip())
        if m:
            routes.append((m.group(2), m.group(3)))
    if not routes:
        sys.exit('make_corpus.py: give the route list (see the header)')
    for index, (method, pattern) in enumerate(routes):
        name = '%02d-%s%s' % (index, method.lower(), re.sub(r'[^a-z0-9]+', '-', pattern.lower()).rstrip('-'))
        if method == 'GET':
            for i, query in enumerate(QUERIES.get(pattern, ['']) + ['']):
                write('fuzz_stub_requests', '%s-%d' % (name, i), bytes([index, 0]) + query.encode())
            continue
        bodies = [STUB_BODIES.get((method, pattern), {})] + EXTRA_BODIES.get((method, pattern), [])
        for i, obj in enumerate(bodies):
            for id_choice in ((0, 1) if '{' in pattern else (0,)):
                write('fuzz_stub_requests', '%s-%d-%d' % (name, i, id_choice), bytes([index, id_choice]) + body(obj))


# --- the dictionary: every property name of the contract, JSON tokens, link keys --------------------------
def dictionary():
    spec = yaml.safe_load(open(os.path.join(ROOT, 'docs', 'gateway-openapi.yaml')))
    names = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == 'properties' and isinstance(value, dict):
                    names.update(value.keys())
                if key == 'enum' and isinstance(value, list):
                    names.update(str(v) for v in value if isinstance(v, str))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(spec)
    tokens = ['{', '}', '[', ']', ':', ',', '"', 'null', 'true', 'false', '-0', '0.5', '1e309', '-1e309',
              '9000000000000000', '9000000000000001', '-9000000000000001', '9223372036854775807',
              '9007199254740993', '\\u0000', '\\ud800', '\\"', 'CNY', 'USD', 'JPY', 'KWD', 'EUR', 'HKD',
              '2025-03-01T09:00:00Z', '+08:00', '.123', 'bnk_demo', 'mer_lantern_coffee', '@quote@', '@quote2@', '@card@', 'quo_', 'pay_', 'wal_',
              'bankwallet:pay?', 'to=', 'merchant=', 'amount=', 'currency=', 'note=', 'name=', '&', '%2B', '%20',
              '%E4%B8%AD', '+86', '0086', '１', '/', '\r\n', '\ufeff', '元', '¥', 'US$', 'X']
    lines = ['# The gateway contract\'s field names and enum values (docs/gateway-openapi.yaml) and JSON,',
             '# money and link tokens, for libFuzzer -dict. Generated by make_corpus.py.']
    for word in sorted(names) + tokens:
        escaped = ''.join(c if 32 <= ord(c) < 127 and c not in '"\\' else
                          ('\\' + c if c in '"\\' else ''.join('\\x%02X' % b for b in c.encode('utf-8')))
                          for c in word)
        lines.append('"%s"' % escaped)
        if re.fullmatch(r'[a-z_0-9]+', word):
            lines.append('"\\"%s\\":"' % word)
    with open(os.path.join(HERE, 'contract.dict'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    clear_seeds()
    money_seeds()
    validator_seeds()
    link_seeds()
    response_seeds()
    stub_seeds(sys.argv[1] if len(sys.argv) > 1 else None)
    dictionary()
