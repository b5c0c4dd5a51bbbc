# --help: src/lang/cli.rs säger hur namnen följer kommandoträdet.

cli-usage = Användning:
cli-heading-commands = Kommandon
cli-heading-arguments = Argument
cli-heading-options = Flaggor

# Det clap vägrar, på svenska.
cli-error-unknown-argument = fel: okänt argument '{ $arg }'
cli-error-unknown-command = fel: okänt kommando '{ $command }'
cli-error-invalid-value = fel: '{ $value }' är inget tillåtet värde för '{ $arg }' (tillåtna: { $valid })
cli-error-value-validation = fel: '{ $value }' går inte att läsa som '{ $arg }': { $reason }
cli-error-missing-argument = fel: det här saknas på kommandoraden: { $arg }
cli-error-missing-command = fel: ange ett kommando
cli-error-conflict = fel: '{ $arg }' kan inte ges tillsammans med '{ $other }'
cli-error-did-you-mean = tips: menade du '{ $suggestion }'?
cli-error-more = Skriv '--help' för mer information.

# Kommandoträdet, som doc-kommentarerna i src/cli/args.rs ger det på engelska.

cli = Formella sammanträdeshandlingar för regioner, kommuner och kommunalförbund, ur ett git-arkiv med YAML-filer
    .long =
        Formella sammanträdeshandlingar för regioner, kommuner och kommunalförbund, ur ett git-arkiv med YAML-filer.

        Arkivet innehåller `rsr.yaml` (organisationen och dess personer), `meetings/<body>/body.yaml` (ett organ och dess ledamöter) och `meetings/<body>/<YYYY-MM-DD>/` (ett sammanträde: meeting.yaml och en fil per ärende, i filnamnsordning).
    .after =
        Slutkoder:
          0  klart
          1  problem i arkivets data (YAML, mallar, bilagor, en
             justering), eller så hittade `rsr check` ett fel
          2  kommandoraden ber om något som inte finns eller inte går
             (ett okänt organ, en revision som inte är en commit)
          3  en fil som rsr inte kunde läsa eller skriva, eller ett fel i rsr
             självt eller i ett verktyg det kör (git)
cli-arg-root = Arkivets rotmapp; som standard närmaste mapp uppåt som har rsr.yaml
cli-arg-lang = Språket rsr talar: sv eller en [standard: enligt LC_ALL, LC_MESSAGES eller LANG, annars sv]
    .value-sv = svenska
    .value-en = English
cli-arg-quiet = Skriv bara varningar och fel
cli-arg-verbose = Skriv mer: varje fil ett bygge skriver
cli-arg-color = När utskriften färgas
    .value-auto = I en terminal, om inte NO_COLOR är satt
    .value-always = Alltid, också till en fil eller ett rör
    .value-never = Aldrig
cli-arg-help = Visa hjälp (mer med '--help')
    .long = Visa hjälp (en sammanfattning med '-h')
cli-arg-version = Visa versionen

cli-build = Sätt alla handlingar som sammanträdenas status tillåter
    .long =
        Sätt alla handlingar som sammanträdenas status tillåter.

        En kallelse görs från status `kallad` (ett utkast märkt UTKAST medan status är `planerad`), ett protokoll när sammanträdet är `genomförd` (ett utkast tills det är `justerad`), ett protokollsutdrag per paragraf när det är `justerad`. PDF-filerna hamnar i `out/<body>/<YYYY-MM-DD>-<kind>.pdf` (utdrag: `…-protokollsutdrag-<§>.pdf`); misslyckas en handling ersätts ingen. Webbplatsen bredvid (index.html, feed.xml, kalender.ics per organ och för alla, och varje sammanträdes öppna data som `<body>/<YYYY-MM-DD>.json`) länkar alla handlingar som får publiceras; `rsr publish` kopierar just det till webben.
    .examples =
        Exempel:
          rsr build                                  alla handlingar
          rsr build --body rlg --kind protokoll      ett organs protokoll
          rsr build --meeting 2025-11-17 --out pdf   ett sammanträde, till ./pdf
          rsr build --kind protokollsutdrag --paragraph 29
cli-build-arg-body = Bara detta organ (mappnamn eller kortnamn); kan anges flera gånger
cli-build-arg-meeting = Bara sammanträdet detta datum (YYYY-MM-DD); kan anges flera gånger
cli-build-arg-kind = Bara detta slags handling; kan anges flera gånger
    .value-kallelse = Kallelse/föredragningslista, från status `kallad`
    .value-protokoll = Protokoll, när sammanträdet är `genomförd`
    .value-protokollsutdrag = Protokollsutdrag, ett per paragraf, när sammanträdet är `justerad`; för en paragraf som justerats omedelbart redan när det är `genomförd`
    .value-sammantradesplan = Sammanträdesplan: ett organs sammanträden under ett år
    .value-anslagsbevis = Anslagsbevis, för organ med `anslagstavla: true`, när sammanträdet är `justerad`
    .value-kungorelse = Kungörelse av ett fullmäktigesammanträde, från status `kallad`
    .value-beslutsuppfoljning = Beslutsuppföljning: organets uppdrag och motioner under ett år, där det finns några
cli-build-arg-paragraph = Bara protokollsutdraget för denna paragraf (§-nummer); kan anges flera gånger
cli-build-arg-out = Var PDF-filerna skrivs [standard: <root>/out]
cli-build-arg-jobs = Antal handlingar som sätts samtidigt [standard: antalet kärnor]
cli-build-arg-force = Sätt alla handlingar, även dem som är aktuella i out/
cli-build-arg-timings = Visa var tiden gick: läsning, kontroll, data, layout, PDF-export, skrivning
cli-build-arg-sources = Skriv i stället för att sätta varje handlings Typst-källor (main.typ, lib.typ, data.json och bilagorna) till DIR/<body>/<document>/, för att pröva en mall i Typst-appen eller köra `typst compile`

cli-check = Kontrollera varje fil mot varje regel och rapportera alla problem på en gång
    .long =
        Kontrollera varje fil mot varje regel och rapportera alla problem på en gång.

        Varje problem anger fil, rad och kolumn, regeln det bryter mot, vad som hittades och vad som väntades. Slutkoden är 1 när det finns ett fel (eller, med --deny-warnings, en varning). `rsr build` gör samma kontroller först och sätter ingenting när det finns ett fel. Ett organ kan sätta regler till off, warning eller error under `regler:` i sin body.yaml.
    .examples =
        Exempel:
          rsr check                          alla problem, med utdrag ur filerna
          rsr check --format github          anteckningar för en körning i GitHub Actions
          rsr check --format gitlab > gl-code-quality-report.json
                                             en Code Quality-rapport för en merge request i GitLab
          rsr check --format json | jq .     för andra verktyg
          rsr check --list-rules             reglerna och vad de skyddar mot
cli-check-arg-format = Hur problemen rapporteras
    .value-human = Utdrag ur filerna med markeringar, i färg i en terminal
    .value-json = En JSON-lista med {"{"}severity, rule, file, line, column, message, hint{"}"}
    .value-github = Kommandon för GitHub Actions: ::error file=…,line=…,col=…::meddelande
    .value-gitlab = En Code Quality-rapport för GitLab (JSON), som visas i merge requesten
cli-check-arg-deny-warnings = Misslyckas även vid varningar
cli-check-arg-list-rules = Lista reglerna i stället för att kontrollera

cli-init = Starta ett sammanträdesförråd: rsr.yaml, ett första organ, scheman, editorinställningar, ett CI-arbetsflöde och en README
    .long =
        Starta ett sammanträdesförråd: rsr.yaml, ett första organ, scheman, editorinställningar, ett CI-arbetsflöde och en README.

        Skriver i DIR (förvalt den aktuella mappen, som får innehålla andra filer, till exempel en git-utcheckning): rsr.yaml med organisationen, meetings/<mapp>/body.yaml när --body anges, .gitignore (out/), schema/ med JSON-schemana, .vscode/settings.json som kopplar varje slags YAML-fil till sitt schema, CI-arbetsflödet (GitHub eller GitLab) med RSR_REF satt till den här rsr-versionen och en README.md på svenska. Resultatet klarar `rsr check` och `rsr build` som det är. Vägrar en mapp som redan har rsr.yaml och varje fil den skulle skriva som redan finns; skriver allt eller inget.
    .examples =
        Exempel:
          rsr init --organisation "Kommunförbundet Jämtlands län"
          rsr init kf --organisation "Åre kommun" --body Kommunfullmäktige --kortnamn KF --typ fullmäktige
          rsr init --organisation Regionen --ci gitlab --rsr-git https://gitlab.example.se/it/rsr.git
cli-init-arg-dir = Mappen som förrådet startas i [förval: den aktuella mappen]
cli-init-arg-organisation = Organisationens namn, som dokumentens sidhuvud skriver det
cli-init-arg-body = Ett första organs namn, t.ex. Kulturnämnden
cli-init-arg-kortnamn = Det första organets kortnamn, t.ex. KN; dess mapp blir meetings/<kortnamnet med gemener>
cli-init-arg-typ = Det första organets slag
cli-init-arg-ci = CI-arbetsflödet som skrivs
    .value-github = .github/workflows/rsr.yml: GitHub Actions och Pages
    .value-gitlab = .gitlab-ci.yml: GitLab CI och Pages
    .value-none = Inget arbetsflöde
cli-init-arg-rsr-git = Var CI hämtar rsr (RSR_GIT i arbetsflödet)

cli-new = Skapa ett organ, ett sammanträde eller ett ärende
    .examples =
        Exempel:
          rsr new body Kulturnämnden --kortnamn KN          meetings/kn/body.yaml
          rsr new meeting bmn 2026-11-18                    plats och tider från organet
          rsr new meeting rlg 2026-01-12 --place digitalt --start 13:00 --end 15:30
          rsr new item bmn 2026-11-18 "Bygglov för Backe 3:9"

cli-new-body = Ett organ: meetings/<mapp>/body.yaml med namn, kortnamn och slag, och kommentarer som visar hur ledamöterna läggs in
cli-new-body-arg-name = Organets namn, t.ex. Kulturnämnden
cli-new-body-arg-kortnamn = Dess kortnamn, t.ex. KN
cli-new-body-arg-typ = Dess slag
cli-new-body-arg-mapp = Dess mapp under meetings/ [förval: kortnamnet med gemener]

cli-new-meeting = En sammanträdesmapp med meeting.yaml (status planerad) och organets inledande ärenden
    .long =
        En sammanträdesmapp med meeting.yaml (status planerad) och organets inledande ärenden.

        Plats, tider, form och inledande ärenden hämtas från `förval:` i organets body.yaml, annars från dess senaste sammanträde; flaggorna nedan går före. Ett datum som inte finns och ett sammanträde som redan finns vägras. Mappen skrivs hel eller inte alls.
cli-new-meeting-arg-body = Organets mappnamn eller kortnamn
cli-new-meeting-arg-date = Sammanträdets datum, YYYY-MM-DD
cli-new-meeting-arg-place = Lokal, adress eller länk
cli-new-meeting-arg-start = Starttid, t.ex. 13:00
cli-new-meeting-arg-end = Sluttid, t.ex. 15:30

cli-new-item = En ärendefil efter sammanträdets sista ärende: `NN-<rubrik som filnamn>.yaml`
cli-new-item-arg-body = Organets mappnamn eller kortnamn
cli-new-item-arg-date = Sammanträdets datum, YYYY-MM-DD
cli-new-item-arg-title = Ärendets rubrik

cli-new-help = Visa detta meddelande eller hjälpen för angivna underkommandon

cli-new-help-body = Ett organ: meetings/<mapp>/body.yaml med namn, kortnamn och slag, och kommentarer som visar hur ledamöterna läggs in

cli-new-help-meeting = En sammanträdesmapp med meeting.yaml (status planerad) och organets inledande ärenden

cli-new-help-item = En ärendefil efter sammanträdets sista ärende: `NN-<rubrik som filnamn>.yaml`

cli-new-help-help = Visa detta meddelande eller hjälpen för angivna underkommandon

cli-list = Lista alla sammanträden: organ, datum, status, ärenden, paragrafer och om var och en av dess handlingar i out/ är aktuell
    .long =
        Lista alla sammanträden: organ, datum, status, ärenden, paragrafer och om var och en av dess handlingar i out/ är aktuell.

        En handling är aktuell när `rsr build` skrev den ur de data och mallar som arkivet har nu och filen inte har ändrats sedan dess (bedömt med innehållshashar i out/.rsr.manifest, inte med tidsstämplar); inaktuell när något av dem skiljer sig; saknas när den inte är satt.
    .examples =
        Exempel:
          rsr list                           en tabell, ett sammanträde per rad
          rsr list --format json | jq .      för skript: varje handling med sitt tillstånd
cli-list-arg-format = Hur det skrivs ut
    .value-human = En rad per sammanträde, i kolumner
    .value-json = En JSON-lista med sammanträden, vart och ett med sina handlingar och deras läge
cli-list-arg-out = Utmappen att jämföra med [standard: <root>/out]

cli-justera = Justera ett genomfört sammanträde och försegla dess protokoll
    .long =
        Justera ett genomfört sammanträde och försegla dess protokoll.

        Sätter `status: justerad` och justeringens datum i meeting.yaml och skriver justering.lock bredvid: en hash av allt protokollet visar, justerarna, datumet och den utcheckade commiten. Därefter misslyckas `rsr check` om protokollets innehåll ändras, om inte ändringen är förd under `rättelser:` i meeting.yaml; kör `rsr justera` igen för att försegla det rättade protokollet, som visar rättelsen. Sammanträdet måste klara `rsr check`; vid varje fel lämnas meeting.yaml som den var.
    .examples =
        Exempel:
          rsr justera bmn 2026-10-14                      det datum justering: anger
          rsr justera rlg 2025-11-17 --datum 2025-11-26   ett annat datum
          rsr justera kn 2026-03-02 --plats digitalt      när meeting.yaml saknar justering:
cli-justera-arg-body = Organets mappnamn eller kortnamn
cli-justera-arg-date = Sammanträdets datum, YYYY-MM-DD
cli-justera-arg-datum = Justeringens datum [standard: `justering: datum:` i meeting.yaml, annars i dag]
cli-justera-arg-plats = Var justeringen sker, för en meeting.yaml utan `justering:`

cli-signera = Signera ett justerat protokoll digitalt, eller förbered det för en signeringstjänst och ta emot det signerat
    .long =
        Signera ett justerat protokoll digitalt, eller förbered det för en signeringstjänst och ta emot det signerat.

        Det signerade protokollet är `signerat/protokoll.pdf` i sammanträdets mapp: den PDF som rsr bygger av de förseglade uppgifterna, byte för byte, med ett tomt underskriftsfält för sekreteraren, ordföranden och varje justerare, och en PAdES-underskrift per undertecknare, var och en tillagd efter den förra. Med `--certifikat` skriver undertecknaren under här med en .p12-fil (lösenordet från RSR_CERTIFIKAT_LOSENORD, eller efterfrågat vid en terminal); fältet är det för den person som certifikatet namnger. Med `--forbered` skriver rsr den PDF som en signeringstjänst ska signera; med `--ta-emot` tar rsr in tjänstens signerade PDF i sammanträdets mapp, när den håller vid samma kontroll som `rsr verifiera` gör. Checka in filen med sammanträdet.
    .examples =
        Exempel:
          rsr signera bmn 2026-10-14 --certifikat anna.p12      signera som den person anna.p12 namnger
          rsr signera bmn 2026-10-14 --forbered att-signera.pdf
                                                                PDF:en till en signeringstjänst
          rsr signera bmn 2026-10-14 --ta-emot signerad.pdf     ta emot tjänstens signerade PDF
          rsr signera bmn 2026-10-14 --certifikat anna.p12 --tidsstampel http://tsa.example.se/
                                                                signerat och tidsstämplat (PAdES B-T)
cli-signera-arg-body = Organets mappnamn eller kortnamn
cli-signera-arg-date = Sammanträdets datum, YYYY-MM-DD
cli-signera-arg-certifikat = Signera med detta certifikat och denna nyckel, en PKCS #12-fil (.p12, .pfx)
cli-signera-arg-roll = Underskriftsfältet att signera i [standard: fältet för den person certifikatet namnger]
cli-signera-arg-tidsstampel = Låt tidsstämpelutfärdaren på URL tidsstämpla underskriften (RFC 3161, http://): en PAdES B-T-underskrift
cli-signera-arg-paragraf = Signera protokollsutdraget av denna paragraf (sekreterarens utdragsbestyrkande) i stället för protokollet
cli-signera-arg-forbered = Skriv den PDF som en signeringstjänst ska signera till FILE
cli-signera-arg-ta-emot = Ta in den signerade PDF som en signeringstjänst lämnat tillbaka i sammanträdets mapp

cli-verifiera = Kontrollera underskrifterna i ett signerat protokoll
    .long =
        Kontrollera underskrifterna i ett signerat protokoll.

        Varje underskrift: dess kryptografi, att den täcker filen fram till sin revision, att inget efter den ändrar handlingen, undertecknaren mot den person protokollet namnger för fältet, tidpunkten mot sammanträdet och certifikatets giltighet, och om certifikatet leder till en utfärdare i förrådets lista över betrodda (`signering/betrodda/`). Med ett sammanträde också att den signerade PDF:en är den som rsr bygger av de förseglade uppgifterna. Avslutas med 1 när en underskrift inte håller.
    .examples =
        Exempel:
          rsr verifiera bmn 2026-10-14                  sammanträdets signerat/protokoll.pdf
          rsr verifiera bmn 2026-10-14 --fil inkommen.pdf   en annan fil, mot sammanträdet
          rsr verifiera protokoll.pdf                   en fil för sig, utan förrådets uppgifter
          rsr verifiera bmn 2026-10-14 --format json    för skript
cli-verifiera-arg-target = En signerad PDF, eller ett organs mappnamn eller kortnamn följt av ett sammanträdes datum
cli-verifiera-arg-date = Sammanträdets datum, YYYY-MM-DD, efter ett organ
cli-verifiera-arg-fil = Den signerade PDF som ska kontrolleras mot sammanträdet [standard: dess signerat/protokoll.pdf]
cli-verifiera-arg-paragraf = Kontrollera det signerade protokollsutdraget av denna paragraf [standard: protokollet]
cli-verifiera-arg-format = Hur det skrivs ut
    .value-human = En rad per underskrift och per problem
    .value-json = Hela rapporten som JSON

cli-diff = Visa vilka handlingar som ändras mellan en git-revision och arbetskopian, som Markdown för en kommentar på en pull request
    .long =
        Visa vilka handlingar som ändras mellan en git-revision och arbetskopian, som Markdown för en kommentar på en pull request.

        Båda sidorna läses och görs till handlingar på samma sätt som `rsr build` gör (revisionens filer kommer från `git archive`); en handling listas när de data dess mall får, eller en fil den bär med sig, skiljer sig. För var och en: sammanträdets fält och de ärenden (paragrafer) som lagts till, tagits bort eller ändrats, med textens skillnader ord för ord, och en varning när ett justerat protokoll berörs. Texten i ett sekretessärende visas aldrig. Ingen PDF sätts.
    .examples =
        Exempel:
          rsr diff                           mot sammanslagningsbasen med main
          rsr diff HEAD~1                    vad senaste commiten och arbetskopian ändrar
          rsr diff origin/main --format json
                                             för skript
cli-diff-arg-rev = Revisionen att jämföra med [standard: sammanslagningsbasen för HEAD och main, eller master]
cli-diff-arg-format = Hur det skrivs ut
    .value-markdown = En Markdown-kommentar till en pull request eller merge request
    .value-json = Samma sak som JSON: handlingar, deras ärenden och fält, varningar

cli-publish = Kopiera det som får publiceras från out/ till en tom mapp, för en webbserver eller Pages
    .long =
        Kopiera det som får publiceras från out/ till en tom mapp, för en webbserver eller Pages.

        Webbplatsen (index.html, feed.xml, kalendrarna, varje sammanträdes öppna data) och de handlingar den länkar: aldrig ett utkast (UTKAST), det interna protokollet från ett sammanträde med sekretessärenden eller utdraget ur en sekretessparagraf, som out/ har kvar åt sekreteraren. Kör `rsr build` först.
    .examples =
        Exempel:
          rsr build && rsr publish public     den offentliga webbplatsen i ./public, för GitLab Pages
          rsr publish /tmp/site --out pdf     från handlingar satta med `rsr build --out pdf`
cli-publish-arg-dir = Mappen att kopiera till; den måste vara tom eller inte finnas än
cli-publish-arg-out = Var `rsr build` skrev handlingarna [standard: <root>/out]
cli-publish-arg-drafts = Också utkasten (UTKAST), för granskare; aldrig det som innehåller sekretessbelagda ärenden

cli-arkivera = Skriv ett justerat sammanträde, eller ett organs justerade sammanträden ett år, som ett informationspaket till e-arkivet (E-ARK SIP, FGS Paketstruktur 2.0)
    .long =
        Skriv ett justerat sammanträde, eller ett organs justerade sammanträden ett år, som ett informationspaket till e-arkivet (E-ARK SIP, FGS Paketstruktur 2.0).

        Sätter handlingarna först, som `rsr build`. Paketet är en mapp och en zip av den i <out>/arkiv/: METS.xml (E-ARK CSIP/SIP 2.1), bevarandemetadata i PREMIS (handlingarnas tillkomst i rsr, justeringen, varje underskrift), en beskrivning i Dublin Core, PDF/A-handlingarna (protokoll och dess offentliga version, utdrag, kallelse, anslagsbevis, bilagor, signerade exemplar) med SHA-256-kontrollsummor, och YAML-källfilerna med justering.lock och de öppna data som dokumentation. Samma data ger samma paket, byte för byte. Ett sammanträde som inte är justerat vägras; i ett år lämnas det utanför, och det sägs.
    .examples =
        Exempel:
          rsr arkivera bmn 2026                 de justerade sammanträdena 2026, ett paket
          rsr arkivera bmn 2026-10-14           ett sammanträde
          rsr arkivera rlg 2025 --dir /mnt/e-arkiv/leverans
cli-arkivera-arg-body = Organets mappnamn eller kortnamn
cli-arkivera-arg-period = Ett år, ÅÅÅÅ (dess justerade sammanträden i ett paket), eller ett sammanträdes datum, ÅÅÅÅ-MM-DD
cli-arkivera-arg-dir = Var paketet skrivs [standard: <out>/arkiv]
cli-arkivera-arg-out = Var `rsr build` skriver handlingarna [standard: <root>/out]

cli-watch = Sätt, och sätt om så fort en fil sparas, tills det avbryts (Ctrl-C)
    .long =
        Sätt, och sätt om så fort en fil sparas, tills det avbryts (Ctrl-C).

        Ändringar samlas tills ingen ny har kommit på 50 millisekunder. En fil räknas när senaste körningen läste den (YAML, mallar, bilagor) eller när nästa skulle göra det (en ny YAML-fil, mall eller sammanträdesmapp); out/, .git/ och andra filer lämnas utan avseende. Det som berörs sätts om: ett ärende, en bilaga eller meeting.yaml sätter om det sammanträdets handlingar och organets senare sammanträden samma år (deras §-nummer följer), en body.yaml organet, rsr.yaml eller templates/ allt. Varje omsättning skriver vad den skrev, eller problemen som stoppade den, och bevakningen fortsätter. Processerna som sätter behålls från en omsättning till nästa, så att ingen behöver startas igen. Tar samma flaggor som `rsr build`; med ett filter sätter varje ändring om just det.
    .examples =
        Exempel:
          rsr watch                                          allt, satt om när du sparar
          rsr watch --meeting 2026-10-14 --kind protokoll --open
                                                             ett protokoll, öppnat i PDF-läsaren
cli-watch-arg-body = Bara detta organ (mappnamn eller kortnamn); kan anges flera gånger
cli-watch-arg-meeting = Bara sammanträdet detta datum (YYYY-MM-DD); kan anges flera gånger
cli-watch-arg-kind = Bara detta slags handling; kan anges flera gånger
    .value-kallelse = Kallelse/föredragningslista, från status `kallad`
    .value-protokoll = Protokoll, när sammanträdet är `genomförd`
    .value-protokollsutdrag = Protokollsutdrag, ett per paragraf, när sammanträdet är `justerad`; för en paragraf som justerats omedelbart redan när det är `genomförd`
    .value-sammantradesplan = Sammanträdesplan: ett organs sammanträden under ett år
    .value-anslagsbevis = Anslagsbevis, för organ med `anslagstavla: true`, när sammanträdet är `justerad`
    .value-kungorelse = Kungörelse av ett fullmäktigesammanträde, från status `kallad`
    .value-beslutsuppfoljning = Beslutsuppföljning: organets uppdrag och motioner under ett år, där det finns några
cli-watch-arg-paragraph = Bara protokollsutdraget för denna paragraf (§-nummer); kan anges flera gånger
cli-watch-arg-out = Var PDF-filerna skrivs [standard: <root>/out]
cli-watch-arg-jobs = Antal handlingar som sätts samtidigt [standard: antalet kärnor]
cli-watch-arg-force = Sätt alla handlingar, även dem som är aktuella i out/
cli-watch-arg-timings = Visa var tiden gick: läsning, kontroll, data, layout, PDF-export, skrivning
cli-watch-arg-open = Öppna den första satta handlingen i systemets visare, en gång (utan filter: webbplatsens index.html)

cli-completions = Skriv ut ett skals kompletteringsskript för rsr
    .long =
        Skriv ut ett skals kompletteringsskript för rsr.

        Läs in det i skalets startfil, eller installera det där skalet letar efter kompletteringar; beskrivningarna är på körningens språk.
    .examples =
        Exempel:
          rsr completions bash > ~/.local/share/bash-completion/completions/rsr
          rsr completions zsh > ~/.zfunc/_rsr
          rsr completions fish > ~/.config/fish/completions/rsr.fish
          rsr completions powershell >> $PROFILE
cli-completions-arg-shell = Skalet

cli-man = Skriv ut rsr:s manualsida (roff), eller skriv en per kommando i en mapp
    .examples =
        Exempel:
          rsr man | man -l -
          rsr man --out ~/.local/share/man/man1
cli-man-arg-out = Skriv rsr.1 och en sida per kommando (rsr-build.1 …) i den här mappen

cli-schema = Skriv ut JSON-schemat för ett slags YAML-fil, för redigerare
    .long =
        Skriv ut JSON-schemat för ett slags YAML-fil, för redigerare.

        Med YAML-tillägget i VS Code ger en första rad som `# yaml-language-server: $schema=../../../schema/item.json` i en fil komplettering och kontroll medan du skriver.
cli-schema-arg-kind = Vilken fils schema som skrivs ut [standard: meeting]
    .value-rsr = rsr.yaml
    .value-body = meetings/<body>/body.yaml
    .value-meeting = meetings/<body>/<datum>/meeting.yaml
    .value-item = en ärendefil bredvid meeting.yaml
    .value-delegationsbeslut = meetings/<body>/delegationsbeslut/*.yaml, ett register över delegationsbeslut
    .value-motioner = meetings/<body>/motioner/*.yaml, ett register över motioner
    .value-open-data = out/<body>/<datum>.json, ett sammanträdes öppna data
cli-schema-arg-out = Skriv i stället alla scheman till denna mapp (rsr.json, body.json, meeting.json, item.json, delegationsbeslut.json, motioner.json, open-data.json)

cli-help = Visa detta meddelande eller hjälpen för angivna underkommandon

cli-help-build = Sätt alla handlingar som sammanträdenas status tillåter

cli-help-check = Kontrollera varje fil mot varje regel och rapportera alla problem på en gång

cli-help-init = Starta ett sammanträdesförråd: rsr.yaml, ett första organ, scheman, editorinställningar, ett CI-arbetsflöde och en README

cli-help-new = Skapa ett organ, ett sammanträde eller ett ärende

cli-help-new-body = Ett organ: meetings/<mapp>/body.yaml med namn, kortnamn och slag, och kommentarer som visar hur ledamöterna läggs in

cli-help-new-meeting = En sammanträdesmapp med meeting.yaml (status planerad) och organets inledande ärenden

cli-help-new-item = En ärendefil efter sammanträdets sista ärende: `NN-<rubrik som filnamn>.yaml`

cli-help-list = Lista alla sammanträden: organ, datum, status, ärenden, paragrafer och om var och en av dess handlingar i out/ är aktuell

cli-help-justera = Justera ett genomfört sammanträde och försegla dess protokoll

cli-help-signera = Signera ett justerat protokoll digitalt, eller förbered det för en signeringstjänst och ta emot det signerat

cli-help-verifiera = Kontrollera underskrifterna i ett signerat protokoll

cli-help-diff = Visa vilka handlingar som ändras mellan en git-revision och arbetskopian, som Markdown för en kommentar på en pull request

cli-help-publish = Kopiera det som får publiceras från out/ till en tom mapp, för en webbserver eller Pages

cli-help-arkivera = Skriv ett justerat sammanträde, eller ett organs justerade sammanträden ett år, som ett informationspaket till e-arkivet (E-ARK SIP, FGS Paketstruktur 2.0)

cli-help-watch = Sätt, och sätt om så fort en fil sparas, tills det avbryts (Ctrl-C)

cli-help-completions = Skriv ut ett skals kompletteringsskript för rsr

cli-help-man = Skriv ut rsr:s manualsida (roff), eller skriv en per kommando i en mapp

cli-help-schema = Skriv ut JSON-schemat för ett slags YAML-fil, för redigerare

cli-help-help = Visa detta meddelande eller hjälpen för angivna underkommandon

# Hur ett arguments värden beskrivs, och platshållarna i användningsraden.
cli-default = standard: { $value }
cli-possible-values = möjliga värden: { $values }
cli-possible-values-heading = Möjliga värden:
cli-usage-options = {"["}FLAGGOR]
cli-value-name-dir = MAPP
cli-value-name-lang = SPRÅK
cli-value-name-body = ORGAN
cli-value-name-date = DATUM
cli-value-name-period = ÅR|DATUM
cli-value-name-kind = SLAG
cli-value-name-n = N
cli-value-name-format = FORMAT
cli-value-name-place = PLATS
cli-value-name-start = START
cli-value-name-end = SLUT
cli-value-name-title = RUBRIK
cli-value-name-when = NÄR
cli-value-name-shell = SKAL
cli-value-name-organisation = ORGANISATION
cli-value-name-kortnamn = KORTNAMN
cli-value-name-typ = TYP
cli-value-name-ci = CI
cli-value-name-url = URL
cli-value-name-name = NAMN
cli-value-name-mapp = MAPP
cli-value-name-rev = REVISION
cli-value-name-command = KOMMANDO
cli-value-name-file = FIL
cli-value-name-field = FÄLT
cli-value-name-target = PDF|ORGAN
