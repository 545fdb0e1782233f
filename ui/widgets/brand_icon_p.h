// Card brand icons (resources/brands/*.svg) rendered for a QLabel, shared by the card form and lists.
#pragma once

#include "core/card_validator.h"

#include <QPixmap>
#include <QSize>

#include <optional>

namespace bw::ui::detail {

// The brand's icon at size (logical pixels) for the given device pixel ratio; a plain card outline for an
// unknown brand.
QPixmap brandPixmap(std::optional<core::CardBrand> brand, QSize size, qreal devicePixelRatio);

} // namespace bw::ui::detail
