#pragma once

#include "core/validation.h"

#include <QString>
#include <QStringView>

namespace bw::core {

// A checked e-mail address; the domain is lower-cased (domains are case-insensitive), the local part kept.
struct EmailAddress
{
    QString localPart;
    QString domain;

    QString address() const { return localPart + QLatin1Char('@') + domain; }
};

// Validates an e-mail address exactly as the contract's invalid_email rule says:
// - exactly one '@';
// - local part of 1 to 64 characters (code points), any characters except the ones refused below;
// - a domain of dot-separated labels, each non-empty and made of letters, ASCII digits and hyphens, with at
//   least one dot. "Letters" are Unicode letters (categories Lu, Ll, Lt, Lm, Lo), so internationalized
//   domains in their Unicode form (例子.中国) are accepted, like their ASCII "xn--" form;
// - at most 254 characters in all;
// - no whitespace and no control characters anywhere: Unicode categories Cc, Cf (which includes
//   zero-width and bidirectional marks), Cs (lone surrogates) and Cn, which cannot be seen or typed on
//   purpose in an address.
// Nothing is trimmed: " a@b.cn" is refused, so the gateway and the app agree on what was sent.
class EmailValidator
{
public:
    static ValidationResult<EmailAddress> validate(QStringView input);
};

} // namespace bw::core
