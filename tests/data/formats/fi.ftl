# Subscription e-mails (Finnish).

## Reminder

-brand-name = Lehtitilaus
subscriptionReminder-title = Tilauksesi uusitaan pian
subscriptionReminder-content =
    Hei { $name }! { -brand-name } -tilauksesi uusitaan automaattisesti
    { $days ->
        [one] huomenna, ja veloitamme tilausmaksun samalla kortilla kuin aiemmin, ellet peru tilausta ennen sitä
       *[other] { $days } päivän kuluttua, ja veloitamme tilausmaksun samalla kortilla kuin aiemmin, ellet peru tilausta
    }.
    Voit perua tilauksen <a data-l10n-name="cancel-link">tilisi asetuksista</a> milloin tahansa ennen uusimispäivää.
    .title = Muistutus tilauksen uusimisesta
# plainfinnish: disable-next-line long-sentence
subscriptionReminder-footer = Tämä viesti lähetettiin, koska sinulla on voimassa oleva tilaus, ja saat sen vain kerran ennen jokaista uusimista.
payment-failed = Maksu epäonnistui { DATETIME($date, month: "long", day: "numeric") }. Päivitä maksutietosi, jotta tilauksesi jatkuu ilman katkoa ja saat lehden edelleen kotiisi joka viikko.
