# load

## src/repo/load.rs

load-no-meetings = there is no { $meetings }/ folder yet: each body is a folder { $meetings }/<folder>/ with a { $body }
load-no-meetings-hint = create { $meetings }/<folder>/{ $body } with `namn:` and `kortnamn:` (docs/format.md)
load-missing-body = missing { $body }: every folder under { $meetings }/ is a body
load-folder-not-a-date = a meeting folder is named by its date, YYYY-MM-DD; found `{ $folder }`
load-missing-meeting = missing { $meeting } in the meeting folder { $folder }
load-duplicate-item-id = item id `{ $id }` is used twice in this meeting (also { $other })
load-folder-date-differs = the meeting is dated { $date } but its folder is { $folder }
load-folder-date-differs-hint = rename the folder or correct `datum`
load-not-utf8 = the file is not UTF-8 text: save it as UTF-8
load-cannot-read = cannot read { $file }: { $reason }
load-file-too-large-hint = a meeting's files are rarely above a few hundred kB; if this one must be larger, raise `gränser: {"{"}yaml_kb: …{"}"}` in rsr.yaml
load-empty-file = the file is empty
load-too-many-mistakes = { $count } mistakes were found in this file before rsr stopped looking for more
load-too-many-mistakes-hint = correct these and run `rsr check` again: there may be more
load-control-character = the text holds the invisible character { $code }, which no document can show
load-control-character-hint = delete it: it often comes along when text is copied from another program
load-continued-line = this line is read as the end of the text on line { $line } (`{ $text }`), not as an entry of its own
load-continued-line-hint = indent it as the entry above it is; or, if it is text, put the whole value in quotes
load-unknown-field = unknown field `{ $field }`
load-unknown-field-near-hint = did you mean `{ $near }`? The fields here are: { $listed }
load-unknown-field-hint = the fields here are: { $listed }
load-no-fields-hint = this value takes no fields
load-beyond-limits = the file goes beyond what rsr reads: { $limit }
load-beyond-limits-hint = a meeting's files need none of this; write the values out instead
load-limit-alias-replay = anchors and aliases (`&name`, `*name`) that repeat more than 100,000 values
load-limit-aliases = more than 1,000 aliases (`*name`)
load-limit-anchors = more than 1,000 anchors (`&name`)
load-limit-depth = values nested more than 32 levels deep
load-limit-nodes = more than 200,000 values
load-limit-documents = more than one YAML document (`---`) in one file
load-limit-other = a YAML file of unreasonable size or shape
load-tab-hint = YAML indents with spaces only: replace the tab with spaces
load-colon-hint = a colon and a space inside a value start a new field: put the text in quotes ("…"), or write `|` and the text indented on the lines below
load-unknown-value = unknown value `{ $value }`: the values here are { $listed }
load-did-you-mean = did you mean `{ $near }`?
load-expected-list = expected a list: `[a, b]`, or one `- a` per line
load-expected-fields = expected fields: one `name: value` per line
load-expected-text = expected text
load-expected-person = expected a person: an id from rsr.yaml, or `{"{"}namn: …{"}"}` for a guest (an id such as yes, no, on, off or null is read as something else unless quoted: `'no'`)
load-expected-document = expected a decision document: a title, or `{"{"}titel: …, fil: …{"}"}`
load-presenter-without-person = missing field `person` or `namn`: a presenter is `{"{"}person: id, titel: …{"}"}` or `{"{"}namn: …{"}"}` for a guest
load-duplicate-key = `{ $key }` is given twice: a field may appear once, so remove one of them
load-invalid-date = `{ $value }` is not a date: expected YYYY-MM-DD, a day that exists
load-invalid-time = `{ $value }` is not a time of day (00:00–23:59)
load-expected-time = expected a time of day such as `13:15`, found `{ $value }`
load-missing-field = missing field `{ $field }`

## src/repo/sandbox.rs

load-refused-outside = it is outside the repository, or outside its meeting folder (a `..` path, an absolute path, or a symbolic link that leads out): rsr reads only files inside them
load-refused-too-large = it is { $size } and the limit is { $limit }

# The YAML parser's messages rsr knows (in English as the parser writes them).
load-yaml-block-mapping = while parsing a block mapping, did not find expected key
load-yaml-tab = tabs disallowed within this context (block indentation)
load-yaml-bom = a BOM must not appear inside a document
load-yaml-colon = illegal placement of ':' indicator
load-yaml-mapping-values = mapping values are not allowed in this context
load-yaml-syntax = { $parser }

## src/repo/load.rs: serde's "invalid type: …, expected …"

load-presenter-both = a presenter is either `{"{"}person: id, titel: …{"}"}` (from rsr.yaml) or `{"{"}namn: …{"}"}` (a guest), not both: `namn` and `parti` come from the register
load-expected-scalar = expected { $kind ->
        [boolean] yes or no (`true` or `false`)
       *[number] a whole number
    }
load-invalid-type = expected { $expected }, found { $found }
load-found-list = a list
load-found-fields = fields
load-found-nothing = no value
load-found-text = the text "{ $value }"
load-found-number = the number { $value }
load-found-boolean = the truth value `{ $value }`
load-expected-date-or-fields = a date such as 2026-11-18, or {"{"}datum, start, plats{"}"}
load-expected-sub-item = a sub-item: a line of text, or fields with `rubrik:` and the fields of an item
load-expected-presenter = a presenter: an id from rsr.yaml, `{"{"}namn: …{"}"}` for a guest, or `{"{"}person: id, titel: …{"}"}`
load-expected-kind-text = text
load-expected-kind-list = a list
load-expected-kind-fields = fields (`name: value`, one per line)
load-expected-kind-boolean = yes or no (`true` or `false`)
load-expected-kind-number = a whole number
