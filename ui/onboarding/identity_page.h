// IdentityPage — the identity check (KYC): document type, number (a resident ID is checked here first, GB
// 11643 checksum and its birth date), date of birth and nationality; or "Skip for now" with the tier-4
// limits that then apply. The bank's answer is explained in plain words: verified (go on), under review
// (go on, the bank looks at it) or refused (start again).
#pragma once

#include "ui/onboarding/onboarding_page.h"

#include <QDate>

#include <memory>

namespace Ui {
class IdentityPage;
}

namespace bw::ui {

class ValidatedField;

class IdentityPage : public OnboardingPage
{
    Q_OBJECT

public:
    explicit IdentityPage(const ScreenServices &services, QWidget *parent = nullptr);
    ~IdentityPage() override;

    void enter(const services::OnboardingState &state) override;
    void leave() override;
    void reset() override;

    // The date of birth sent with an accepted identity (the PIN must not be that date); null otherwise.
    QDate acceptedBirthDate() const { return m_acceptedBirthDate; }

protected:
    bool canSubmit() const override;
    void submit() override;
    void retranslate() override;

private:
    gateway::DocumentType documentType() const;
    QString checkDocument(const QString &text) const;
    void fillCombos();
    void onTypeChanged();
    void onNumberChanged(const QString &text);
    void skip();
    void showOutcome(const QString &result, const QStringList &reasons);

    std::unique_ptr<Ui::IdentityPage> m_ui;
    std::unique_ptr<ValidatedField> m_document;
    QDate m_acceptedBirthDate;
    QString m_outcome;     // the last KYC result shown ("review", "rejected") or empty
    QStringList m_reasons; // its reason codes
    bool m_birthTouched = false;
    bool m_settingDate = false;
};

} // namespace bw::ui
