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
