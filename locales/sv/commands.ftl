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

## src/review/git.rs, src/review/diff/mod.rs

cmd-git-not-a-commit = `{ $rev }` är ingen commit i det här förrådet
cmd-git-missing = rsr diff behöver git i PATH: { $error }
cmd-git-no-repository = { $folder } ligger inte i ett git-förråd: rsr diff jämför commits; kör `git init` och checka in filerna först
cmd-git-no-commits = git-förrådet har inga commits än: checka in filerna först, sedan jämför rsr diff med den commiten
cmd-git-no-main = det finns ingen gren main eller master att jämföra med: ange en revision, t.ex. `rsr diff HEAD~1`
cmd-diff-working-tree = arbetskopian
cmd-diff-unreadable = rsr.yaml i { $what } går inte att läsa: kör `rsr check` där

## src/output/write.rs

cmd-out-is-a-file = { $out } är en fil, inte en mapp: ange en annan utmapp med --out, eller flytta filen

## src/build/mod.rs, src/commands/build.rs

cmd-build-waiting = Ett annat rsr build skriver till { $out }: väntar tills det är klart …
cmd-build-lost = rsr tappade bort dokumentet på vägen till sättningen: rapportera det som ett fel i rsr
cmd-build-changed = { $place } ändrades medan rsr byggde: kör rsr build igen
cmd-build-inventory-wrong = Inventeringen i { $out } sade att inget ändrats sedan förra bygget, men ett bygge ändå satte { $built } dokument, skrev om { $site } filer på webbplatsen eller rapporterade något annat: ett fel i rsr
cmd-build-inventory-body = Inventeringen i { $out } höll det som reglerna fann för { $body } och dess dokument som oförändrade, men ett nytt bygge av dem gav något annat: ett fel i rsr
cmd-check-inventory-findings = Inventeringen i { $out } höll det som reglerna fann för { $body } som oförändrat, men när reglerna kördes igen fann de något annat: ett fel i rsr
cmd-check-inventory-seal = Inventeringen i { $out } höll hashen av protokollet från { $meeting } (den som jämförs med justering.lock) som oförändrad, men när den räknades fram igen blev den en annan: ett fel i rsr
cmd-build-inventory-pdf = Inventeringen i { $out } gick i god för { $pdf } som filen den registrerat, men dess innehåll är inte det som registrerades: ett fel i rsr
cmd-build-site-present = Manifestet i { $out } registrerade { $pdf } så som bygget fann eller skrev den, men i out/ finns den på annat sätt: ett fel i rsr
cmd-build-model-differs = Modellen av { $body } som sparats i { $out } är inte vad dess filer läses in till, fast nyckeln säger att de är som när den sparades: ett fel i rsr
cmd-build-kept-tracked = varning: rsr:s egna uppgifter i { $out } följs av git: de kom med en incheckning, inte från ett rsr build, och litas inte på, så allt läses och sätts som om de inte fanns. Ta bort dem ur git: git rm -r --cached { $paths }
cmd-build-kept-git-failed = varning: { $out } ligger i ett git-arkiv, men git kunde inte säga vilka av rsr:s egna uppgifter där som git följer ({ $error }); ingen av dem litas på, så allt läses och sätts som om de inte fanns
cmd-build-no-worker = rsr kunde inte starta en process för att sätta dokumentet: { $reason }
cmd-build-too-slow = sättningen tog längre tid än { $seconds } s, gränsen (`gränser: {"{"}sekunder_per_dokument: …{"}"}` i rsr.yaml): loopar en mall?
cmd-build-too-much-memory = sättningen behövde mer minne än { $megabytes } MB, gränsen (`gränser: {"{"}megabyte_per_dokument: …{"}"}` i rsr.yaml): bygger en mall något utan slut, eller rymmer dokumentet mer än någon läsare behöver?
cmd-build-worker-stopped = Typst stannade med ett internt fel under sättningen ({ $status }): rapportera det. Det skrev:
    { $said }
cmd-build-sources = Skrev Typst-källorna till { $count ->
        [one] ett dokument
       *[other] { $count } dokument
    } i { $folder }
cmd-build-unchanged = ; { $count } redan à jour
cmd-build-built = Byggde { $count } dokument ({ $pages ->
        [one] en sida
       *[other] { $pages } sidor
    }) på { $seconds } s i { $out }{ $unchanged }
cmd-build-site-more = och { $count } till
cmd-build-wrote = skrev { $file }
cmd-build-site = Uppdaterade webbplatsen: { $files }
cmd-build-removed = Tog bort det som inte längre görs: { $files }
cmd-build-unremoved = varning: { $file } görs inte längre men kunde inte tas bort ({ $error }); nästa bygge försöker igen
cmd-timings = Tider: { $total } s totalt; layout och PDF-export är summerade över { $threads ->
        [one] en tråd
       *[other] { $threads } trådar
    }
cmd-timings-inventory = inventering (vad som ändrats sedan sist)
cmd-timings-load = inläsning (läsa och tolka YAML)
cmd-timings-check = kontroll (reglerna)
cmd-timings-data = data (modell till malldata)
cmd-timings-setup = förberedelse (typsnitt och mallar)
cmd-timings-fingerprint = fingeravtryck (vad som är aktuellt)
cmd-timings-typeset = sättning (väggklocka)
cmd-timings-layout = layout (Typst, alla trådar)
cmd-timings-export = PDF-export (Typst, alla trådar)
cmd-timings-write = skrivning (PDF:er)
cmd-timings-site = webbplats (index, flöde, kalender, data), manifest
cmd-timings-meetings = möten vars dokument togs fram: { $made }; vars dokument hämtades ur inventeringen: { $kept }
cmd-timings-per-document = sättning per dokument: p50 { $p50 } ms, p95 { $p95 } ms, max { $max } ms ({ $count } dokument)
cmd-timings-peak = högsta minnesanvändning (residentminne): { $megabytes } MB
cmd-timings-peak-workers = högsta minnesanvändning (residentminne): högst { $megabytes } MB på en gång (rsr { $own } MB; { $typesetting } MB medan { $threads ->
        [one] en sättningsprocess
       *[other] { $threads } sättningsprocesser
    } på högst { $worker } MB arbetade)

## src/commands/watch.rs, src/build/watch.rs

cmd-watch-cannot = kan inte bevaka { $folder }: { $error }
cmd-watch-waiting = Bevakar { $folder } efter ändringar (Ctrl-C avslutar)
cmd-watch-building = Bygger
cmd-watch-changed = Ändrat: { $files }
cmd-watch-cannot-open = kunde inte öppna { $file }: { $error }

## src/commands/list.rs, src/commands/mod.rs

cmd-list-note = obs: { $summary }; kör `rsr check` för detaljer
cmd-no-root = ingen { $file } här eller i någon överordnad mapp: kör rsr i ett mötesförråd eller ange --root

## src/error.rs, src/site, src/docs, src/typeset, src/review/justera.rs

could-not-typeset = kunde inte sätta { $document }
cmd-publish-not-empty = { $folder } är inte tom: rsr publish skriver bara i en tom eller ny mapp, så att inget som inte ska publiceras blir kvar där
cmd-publish-unbuilt = kan inte läsa { $file } ({ $error }): kör `rsr build` före `rsr publish`
cmd-no-meeting-on = inget möte den { $date } under meetings/
cmd-template-unreadable = kan inte läsa mallen { $template }: { $reason }
cmd-template-not-utf8 = mallen { $template } är inte UTF-8-text
cmd-template-built-in = { $template } (inbyggd i rsr)
cmd-cannot-read = kan inte läsa { $file }: { $reason }
cmd-not-utf8 = { $file } är inte UTF-8-text
cmd-logo-not-image = { $file } är ingen SVG- eller PNG-fil
cmd-justera-cannot-write-decision = kan inte skriva in organets informationsbeslut i { $file }: skriv `beslut: { $decision }` där själv och kör rsr justera igen
cmd-justera-place-given = { $file } anger redan var justeringen sker (`justering: plats:`); ändra det där
cmd-justera-no-place = { $file } har ingen `justering:`; ange var den sker med --plats (t.ex. --plats digitalt)
cmd-justera-no-line = rad { $line } finns inte i filen
cmd-justera-no-value = rad { $line } har inget värde i kolumn { $column }

## src/repo/scaffold.rs, src/repo/model.rs

cmd-new-exists = { $folder } finns redan: ett organ sammanträder en gång per dag; ändra i det mötet i stället
cmd-new-meeting-note = planerad, { $count ->
        [one] ett inledande ärende
       *[other] { $count } inledande ärenden
    }; paragraferna börjar på § { $first }
cmd-new-unread-meeting = mötet den { $date } i { $body } går inte att läsa: `rsr check` visar varför; rätta det och lägg sedan till ärendet
cmd-new-no-meeting = { $body } har inget möte den { $date }; skapa det med `rsr new meeting { $slug } { $date }`
cmd-new-adjusted = mötet den { $date } är justerat: protokollet är justerat och tar inte emot nya ärenden
cmd-new-no-title = ett ärende behöver en rubrik
cmd-new-item-note = ärendet `{ $id }`, sist på föredragningslistan
cmd-new-body-taken = ett organ med kortnamnet { $short } finns redan ({ $file }): ge det nya organet ett eget kortnamn
cmd-new-body-note = lägg in ledamöterna under `ledamöter:`, med personerna under `personer:` i rsr.yaml
cmd-new-no-default = { $what ->
        [both] varken plats eller starttid är känd för { $body }: ange --place och --start, eller sätt `förval: {"{"}plats: …, start: …{"}"}` i { $file }
        [place] ingen plats känd för { $body }: ange --place, eller sätt `förval: {"{"}plats: …{"}"}` i { $file }
       *[other] ingen starttid känd för { $body }: ange --start, eller sätt `förval: {"{"}start: …{"}"}` i { $file }
    }
cmd-no-bodies = inget organ `{ $wanted }`: förrådet har inga organ än; lägg till ett som meetings/<mapp>/body.yaml med `namn:` och `kortnamn:` (docs/format.md)
cmd-no-body = inget organ `{ $wanted }`; organen är: { $bodies }
load-not-regular-file = det är ingen vanlig fil
load-not-a-readable-file = { $file } är ingen fil som går att läsa ({ $what ->
        [folder] det är en mapp
        [special] det är en FIFO, en enhet eller en socket
       *[nothing] en symbolisk länk till ingenting
    })
load-name-not-utf8 = namnet `{ $name }` i { $folder } är inte UTF-8-text och kan därför inte läsas lika på alla system: byt namn på det
cli-not-a-date = `{ $text }` är inget datum: skriv ÅÅÅÅ-MM-DD, en dag som finns

## src/build/list.rs

cmd-list-items = { $count ->
        [one] 1 ärende
       *[other] { $count } ärenden
    }
cmd-list-no-documents = inga dokument än
cmd-list-state = { $kind } { $state }
cmd-list-signed = signerat { $count }
cmd-list-count = { $count } { $state }
cmd-list-up-to-date = à jour
cmd-list-outdated = inte à jour
cmd-list-missing = saknas

## src/commands/new.rs, src/commands/publish.rs

cmd-new-created = Skapade { $path } ({ $note })
cmd-published = Publicerade { $count ->
        [one] en fil
       *[other] { $count } filer
    } i { $folder }

## src/review/justera.rs: the printout

cmd-justera-printout-added = { $meeting } är oförändrat sedan justeringen; låset har nu också fått protokollets utskrivna text och underlagets filer, så att en ändrad mall eller fil upptäcks
cmd-out-link = { $folder } är en symbolisk länk (till { $to }): rsr skriver bara i riktiga mappar, så att inget hamnar utanför utmappen; ta bort länken, så skapar rsr mappen
cmd-justera-disappeared = { $meeting } försvann medan det justerades: en annan ändring skrevs samtidigt; kör rsr justera igen
cmd-site-template = webbplatsens mall { $name }: { $error }
cmd-site-ahead = webbplatsens { $part }, gjord medan handlingarna sattes, är inte vad som görs nu: ett fel i rsr (funnet av RSR_VERIFY_INVENTORY)

## src/commands/init.rs

cmd-init-exists = { $folder } har redan ett rsr-förråd ({ $file }): rsr init startar ett nytt; använd rsr new body eller rsr new meeting i det i stället
cmd-init-taken = rsr init skulle skriva filer som finns i { $folder }: { $files }; flytta undan dem eller börja i en annan mapp (inget skrevs)
cmd-init-done = Startade ett rsr-förråd i { $folder }: { $files }. Sedan: lägg in personerna i rsr.yaml och ledamöterna i body.yaml, kör `rsr new meeting { $body } <ÅÅÅÅ-MM-DD>`, `rsr check` och `rsr build`
cmd-init-set-git = Sätt RSR_GIT i { $file } till där organisationen har rsr (eller ange --rsr-git); RSR_REF anger den här rsr-versionen
cmd-init-workflow = rsr:s CI-arbetsflöde sätter inte RSR_GIT och RSR_REF en gång var: rapportera det

## rsr arkivera
cli-not-a-period = `{ $text }` är varken ett år eller ett datum: skriv ÅÅÅÅ för ett år, ÅÅÅÅ-MM-DD för ett sammanträde
archive-no-meeting = { $body } har inget sammanträde { $date }; sammanträdena är: { $dates }
archive-not-adjusted = { $body }, sammanträdet { $date }, är inte justerat (status: { $status }); bara justerade sammanträden arkiveras. Justera det med `rsr justera` först
archive-none-adjusted = { $body } har inget justerat sammanträde { $year }; bara justerade sammanträden arkiveras
archive-left-out = { $date } ({ $status }, inte justerat)
archive-not-pdfa = { $file } säger inte att den är PDF/A; e-arkivet kan vägra ta emot den (den finns också inbäddad i handlingen som bifogar den)
cmd-archive-warning = varning: { $text }
cmd-archive-left-out = Inte med i paketet: { $text }
cmd-archived = Arkiverade { $meetings ->
        [one] ett sammanträde
       *[other] { $meetings } sammanträden
    } ({ $label }): { $files } filer, { $megabytes } MB, i { $folder } och { $zip }
archive-not-built = { $file } är inte den handling rsr satte (den har ändrats i out/ sedan, eller saknas i out/.rsr.manifest): kör rsr build och arkivera igen
