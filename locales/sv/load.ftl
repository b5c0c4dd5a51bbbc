# load

## src/repo/load.rs

load-no-meetings = det finns ingen mapp { $meetings }/ ännu: varje organ är en mapp { $meetings }/<mapp>/ med en { $body }
load-no-meetings-hint = skapa { $meetings }/<mapp>/{ $body } med `namn:` och `kortnamn:` (docs/format.md)
load-missing-body = { $body } saknas: varje mapp under { $meetings }/ är ett organ
load-folder-not-a-date = en sammanträdesmapp heter som sitt datum, ÅÅÅÅ-MM-DD; här heter den `{ $folder }`
load-missing-meeting = { $meeting } saknas i sammanträdesmappen { $folder }
load-duplicate-item-id = ärende-id:t `{ $id }` används två gånger i sammanträdet (också { $other })
load-folder-date-differs = sammanträdet är daterat { $date }, men dess mapp heter { $folder }
load-folder-date-differs-hint = byt namn på mappen eller rätta `datum`
load-not-utf8 = filen är inte UTF-8-text: spara den som UTF-8
load-cannot-read = kan inte läsa { $file }: { $reason }
load-file-too-large-hint = ett sammanträdes filer är sällan större än några hundra kB; om den här måste vara större, höj `gränser: {"{"}yaml_kb: …{"}"}` i rsr.yaml
load-empty-file = filen är tom
load-too-many-mistakes = { $count } fel hittades i filen innan rsr slutade leta efter fler
load-too-many-mistakes-hint = rätta dem och kör `rsr check` igen: det kan finnas fler
load-control-character = texten innehåller det osynliga tecknet { $code }, som ingen handling kan visa
load-control-character-hint = ta bort det: det följer ofta med när text kopieras från ett annat program
load-continued-line = raden läses som slutet på texten på rad { $line } (`{ $text }`), inte som en egen post
load-continued-line-hint = dra in den lika långt som posten ovanför; eller, om den är text, sätt hela värdet inom citattecken
load-unknown-field = okänt fält `{ $field }`
load-unknown-field-near-hint = menade du `{ $near }`? Fälten här är: { $listed }
load-unknown-field-hint = fälten här är: { $listed }
load-no-fields-hint = det här värdet har inga fält
load-beyond-limits = filen går utöver vad rsr läser: { $limit }
load-beyond-limits-hint = ett sammanträdes filer behöver inget av detta; skriv ut värdena i stället
load-limit-alias-replay = ankare och alias (`&namn`, `*namn`) som upprepar mer än 100 000 värden
load-limit-aliases = mer än 1 000 alias (`*namn`)
load-limit-anchors = mer än 1 000 ankare (`&namn`)
load-limit-depth = värden som är nästlade i mer än 32 nivåer
load-limit-nodes = mer än 200 000 värden
load-limit-documents = mer än ett YAML-dokument (`---`) i samma fil
load-limit-other = en YAML-fil av orimlig storlek eller form
load-tab-hint = YAML drar in med mellanslag, aldrig med tabb: byt tabben mot mellanslag
load-colon-hint = kolon och mellanslag inne i ett värde börjar ett nytt fält: sätt texten inom citattecken ("…"), eller skriv `|` och texten indragen på raderna nedanför
load-unknown-value = okänt värde `{ $value }`: värdena här är { $listed }
load-did-you-mean = menade du `{ $near }`?
load-expected-list = här ska det stå en lista: `[a, b]`, eller en `- a` per rad
load-expected-fields = här ska det stå fält: ett `namn: värde` per rad
load-expected-text = här ska det stå text
load-expected-person = här ska det stå en person: ett id från rsr.yaml, eller `{"{"}namn: …{"}"}` för en gäst (ett id som yes, no, on, off eller null läses som något annat om det inte står inom citattecken: `'no'`)
load-expected-document = här ska det stå ett beslutsunderlag: en titel, eller `{"{"}titel: …, fil: …{"}"}`
load-presenter-without-person = fältet `person` eller `namn` saknas: en föredragande är `{"{"}person: id, titel: …{"}"}` eller `{"{"}namn: …{"}"}` för en gäst
load-duplicate-key = `{ $key }` står två gånger: ett fält får finnas en gång, så ta bort det ena
load-invalid-date = `{ $value }` är inget datum: skriv ÅÅÅÅ-MM-DD, en dag som finns
load-invalid-time = `{ $value }` är ingen tid på dygnet (00:00–23:59)
load-expected-time = här ska det stå en tid som `13:15`, men det står `{ $value }`
load-missing-field = fältet `{ $field }` saknas

## src/repo/sandbox.rs

load-refused-outside = den ligger utanför arkivet eller utanför sin mötesmapp (en sökväg med `..`, en absolut sökväg eller en symbolisk länk som leder ut): rsr läser bara filer där
load-refused-too-large = den är { $size } och gränsen är { $limit }

# YAML-tolkens meddelanden som rsr känner igen.
load-yaml-block-mapping = en rad här passar inte in bland fälten ovanför: se efter hur långt den är indragen
load-yaml-tab = tabbar får inte användas för indrag här
load-yaml-bom = ett BOM-tecken (U+FEFF) får inte stå inne i filen
load-yaml-colon = ett kolon (:) står där det inte får stå
load-yaml-mapping-values = ett fält kan inte börja här
load-yaml-syntax = YAML-filen går inte att läsa här; tolken säger: "{ $parser }"

## src/repo/load.rs: serdes "invalid type: …, expected …"

load-presenter-both = en föredragande är antingen `{"{"}person: id, titel: …{"}"}` (ur rsr.yaml) eller `{"{"}namn: …{"}"}` (en gäst), inte båda: `namn` och `parti` hämtas ur registret
load-expected-scalar = här ska det stå { $kind ->
        [boolean] ja eller nej (`true` eller `false`)
       *[number] ett heltal
    }
load-invalid-type = här ska det stå { $expected }, men det står { $found }
load-found-list = en lista
load-found-fields = fält
load-found-nothing = inget värde
load-found-text = texten "{ $value }"
load-found-number = talet { $value }
load-found-boolean = sanningsvärdet `{ $value }`
load-expected-date-or-fields = ett datum som 2026-11-18, eller {"{"}datum, start, plats{"}"}
load-expected-sub-item = en underpunkt: en rad text, eller fält med `rubrik:` och ett ärendes fält
load-expected-presenter = en föredragande: ett id från rsr.yaml, `{"{"}namn: …{"}"}` för en gäst, eller `{"{"}person: id, titel: …{"}"}`
load-expected-kind-text = text
load-expected-kind-list = en lista
load-expected-kind-fields = fält (`namn: värde`, ett per rad)
load-expected-kind-boolean = ja eller nej (`true` eller `false`)
load-expected-kind-number = ett heltal
