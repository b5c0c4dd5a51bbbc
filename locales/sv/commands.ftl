# commands

## src/review/justera.rs

cmd-justera-no-meeting = { $body } har inget sammanträde den { $date } under { $folder }
cmd-justera-cancelled = { $meeting } är inställt: ett inställt sammanträde har inget protokoll att justera
cmd-justera-not-held = { $meeting } är { $status }: ett sammanträde justeras efter att det har hållits; ange `status: genomförd` och anteckna närvaron först
cmd-justera-unchanged = { $meeting } justerades { $adjusted } och protokollet är oförändrat; inget att göra
cmd-justera-corrected = rättelsen av { $meeting } ({ $parts }) är förseglad; protokollet visar den nu
cmd-justera-changed = det justerade protokollet från { $meeting } har ändrats utan rättelse: för in ändringen under `rättelser:` i { $file } och kör rsr justera igen, eller ångra den
cmd-justera-sealed = { $meeting } är justerat { $date }; protokollet är förseglat, och `rsr check` rapporterar varje senare ändring som inte är en rättelse
cmd-justera-informationsbeslut = ; organets informationsbeslut är infört som `beslut:` i { $files }
cmd-justera-first-page = första sidan
