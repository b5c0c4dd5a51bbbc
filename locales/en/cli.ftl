# --help: see src/lang/cli.rs for how the names follow the command tree.

cli-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options

# What clap refuses, in Swedish; in English clap says it itself, so these
# are the same words for the catalogue to be complete.
cli-error-unknown-argument = error: unexpected argument '{ $arg }' found
cli-error-unknown-command = error: unrecognized subcommand '{ $command }'
cli-error-invalid-value = error: invalid value '{ $value }' for '{ $arg }' (possible values: { $valid })
cli-error-value-validation = error: invalid value '{ $value }' for '{ $arg }': { $reason }
cli-error-missing-argument = error: the following required arguments were not provided: { $arg }
cli-error-missing-command = error: a command is required
cli-error-conflict = error: the argument '{ $arg }' cannot be used with '{ $other }'
cli-error-did-you-mean = tip: a similar argument exists: '{ $suggestion }'
cli-error-more = For more information, try '--help'.

# The command tree, as the doc comments of src/cli/args.rs give it.

cli = Formal meeting documents for Swedish regions, municipalities and joint bodies, from a git repository of YAML files
    .long =
        Formal meeting documents for Swedish regions, municipalities and joint bodies, from a git repository of YAML files.

        The repository holds `rsr.yaml` (the organisation and its persons), `meetings/<body>/body.yaml` (a body and its members) and `meetings/<body>/<YYYY-MM-DD>/` (one meeting: meeting.yaml and one file per agenda item, in file-name order).
    .after =
        Exit codes:
          0  done
          1  problems in the repository's data (YAML, templates, attachments,
             a seal), or `rsr check` found an error
          2  the command line asks for something that does not exist or cannot
             be done (an unknown body, a revision that is not a commit)
          3  a file rsr could not read or write, or a failure of rsr itself or
             of a tool it runs (git)
cli-arg-root = The repository root; by default the nearest folder upwards that holds rsr.yaml
cli-arg-lang = The language rsr speaks: sv or en [default: from LC_ALL, LC_MESSAGES or LANG, else sv]
    .value-sv = svenska
    .value-en = English
cli-arg-quiet = Print only warnings and errors
cli-arg-verbose = Print more: every file a build writes
cli-arg-color = When to colour the output
    .value-auto = At a terminal, unless NO_COLOR is set
    .value-always = Always, also into a file or a pipe
    .value-never = Never
cli-arg-help = Print help (see more with '--help')
    .long = Print help (see a summary with '-h')
cli-arg-version = Print version

cli-build = Typeset every document that the meetings' statuses allow
    .long =
        Typeset every document that the meetings' statuses allow.

        A kallelse is built from status `kallad` on (a draft marked UTKAST while `planerad`), a protokoll once the meeting is `genomförd` (a draft until `justerad`), a protokollsutdrag per paragraph once it is `justerad`. PDFs go to `out/<body>/<YYYY-MM-DD>-<kind>.pdf` (utdrag: `…-protokollsutdrag-<§>.pdf`); if any document fails, none is replaced. The site beside them (index.html, feed.xml, kalender.ics per body and for all, and each meeting's open data as `<body>/<YYYY-MM-DD>.json`) links every document that may be published; `rsr publish` copies just that for the web.
    .examples =
        Examples:
          rsr build                                  every document
          rsr build --body rlg --kind protokoll      one body's protokoll
          rsr build --meeting 2025-11-17 --out pdf   one meeting, into ./pdf
          rsr build --kind protokollsutdrag --paragraph 29
cli-build-arg-body = Only this body (its folder name or short name); repeatable
cli-build-arg-meeting = Only the meeting of this date (YYYY-MM-DD); repeatable
cli-build-arg-kind = Only this kind of document; repeatable
    .value-kallelse = Kallelse/föredragningslista, from status `kallad` on
    .value-protokoll = Protokoll, once the meeting is `genomförd`
    .value-protokollsutdrag = Protokollsutdrag, one per paragraph, once the meeting is `justerad`; for a paragraph adjusted immediately, once it is `genomförd`
    .value-sammantradesplan = Sammanträdesplan: a body's meetings of a year
    .value-anslagsbevis = Anslagsbevis, for bodies with `anslagstavla: true`, once `justerad`
    .value-kungorelse = Kungörelse of a fullmäktige meeting, from status `kallad` on
    .value-beslutsuppfoljning = Beslutsuppföljning: a body's uppdrag and motions of a year, where it has any
cli-build-arg-paragraph = Only the protokollsutdrag of this paragraph (§ number); repeatable
cli-build-arg-out = Where to write the PDFs [default: <root>/out]
cli-build-arg-jobs = Documents typeset at once [default: the number of cores]
cli-build-arg-force = Typeset every document, even those out/ has up to date
cli-build-arg-timings = Print where the time went: load, check, data, layout, PDF export, write
cli-build-arg-sources = Instead of typesetting, write each document's Typst sources (main.typ, lib.typ, data.json and its attachments) into DIR/<body>/<document>/, to try a template in the Typst app or compile it with `typst compile`

cli-check = Check every file against every rule and report all problems at once
    .long =
        Check every file against every rule and report all problems at once.

        Each problem names its file, line and column, the rule it breaks, what was found and what was expected. The exit code is 1 when there is an error (or, with --deny-warnings, a warning). `rsr build` runs the same checks first and builds nothing when there is an error. A body can set rules to off, warning or error under `regler:` in its body.yaml.
    .examples =
        Examples:
          rsr check                          every problem, with source snippets
          rsr check --format github          annotations for a GitHub Actions run
          rsr check --format gitlab > gl-code-quality-report.json
                                             a Code Quality report for a GitLab merge request
          rsr check --format json | jq .     for other tools
          rsr check --list-rules             the rules and what they guard against
cli-check-arg-format = How to report
    .value-human = Source snippets with carets, coloured at a terminal
    .value-json = A JSON array of {"{"}severity, rule, file, line, column, message, hint{"}"}
    .value-github = GitHub Actions workflow commands: ::error file=…,line=…,col=…::message
    .value-gitlab = A GitLab Code Quality report (JSON), shown on the merge request
cli-check-arg-deny-warnings = Fail on warnings too
cli-check-arg-list-rules = List the rules instead of checking

cli-init = Start a meeting repository: rsr.yaml, a first body, schemas, editor settings, a CI workflow and a README
    .long =
        Start a meeting repository: rsr.yaml, a first body, schemas, editor settings, a CI workflow and a README.

        Writes into DIR (by default the current folder, which may hold other files, a git checkout for one): rsr.yaml with the organisation, meetings/<folder>/body.yaml when --body is given, .gitignore (out/), schema/ with the JSON Schemas, .vscode/settings.json mapping each kind of YAML file to its schema, the CI workflow (GitHub or GitLab) with RSR_REF set to this rsr's version, and a README.md in Swedish. The result passes `rsr check` and `rsr build` as it is. Refuses a folder that holds rsr.yaml already, and any file it would write that exists; writes all or nothing.
    .examples =
        Examples:
          rsr init --organisation "Kommunförbundet Jämtlands län"
          rsr init kf --organisation "Åre kommun" --body Kommunfullmäktige --kortnamn KF --typ fullmäktige
          rsr init --organisation Regionen --ci gitlab --rsr-git https://gitlab.example.se/it/rsr.git
cli-init-arg-dir = The folder to start the repository in [default: the current folder]
cli-init-arg-organisation = The organisation's name, as the documents' headers print it
cli-init-arg-body = A first body's name, e.g. Kulturnämnden
cli-init-arg-kortnamn = The first body's short name, e.g. KN; its folder is meetings/<kortnamn in lower case>
cli-init-arg-typ = The first body's kind
cli-init-arg-ci = The CI workflow to write
    .value-github = .github/workflows/rsr.yml: GitHub Actions and Pages
    .value-gitlab = .gitlab-ci.yml: GitLab CI and Pages
    .value-none = No workflow
cli-init-arg-rsr-git = Where CI fetches rsr from (RSR_GIT in the workflow)

cli-new = Scaffold a body, a meeting or an agenda item
    .examples =
        Examples:
          rsr new body Kulturnämnden --kortnamn KN          meetings/kn/body.yaml
          rsr new meeting bmn 2026-11-18                    place and times from the body
          rsr new meeting rlg 2026-01-12 --place digitalt --start 13:00 --end 15:30
          rsr new item bmn 2026-11-18 "Bygglov för Backe 3:9"

cli-new-body = A body: meetings/<folder>/body.yaml with its name, short name and kind, and comments that show how to add its members
cli-new-body-arg-name = The body's name, e.g. Kulturnämnden
cli-new-body-arg-kortnamn = Its short name, e.g. KN
cli-new-body-arg-typ = Its kind
cli-new-body-arg-mapp = Its folder under meetings/ [default: the short name in lower case]

cli-new-meeting = A meeting folder with meeting.yaml (status planerad) and the body's standard opening items
    .long =
        A meeting folder with meeting.yaml (status planerad) and the body's standard opening items.

        Place, times, form and opening items come from `förval:` in the body's body.yaml, else from its latest meeting; the options below override them. Refuses a date that does not exist and a meeting that exists already. The folder is written whole or not at all.
cli-new-meeting-arg-body = The body's folder name or short name
cli-new-meeting-arg-date = The meeting's date, YYYY-MM-DD
cli-new-meeting-arg-place = Room, address or link
cli-new-meeting-arg-start = Start time, e.g. 13:00
cli-new-meeting-arg-end = End time, e.g. 15:30

cli-new-item = An item file after the meeting's last item: `NN-<title as file name>.yaml`
cli-new-item-arg-body = The body's folder name or short name
cli-new-item-arg-date = The meeting's date, YYYY-MM-DD
cli-new-item-arg-title = The item's title (rubrik)

cli-new-help = Print this message or the help of the given subcommand(s)

cli-new-help-body = A body: meetings/<folder>/body.yaml with its name, short name and kind, and comments that show how to add its members

cli-new-help-meeting = A meeting folder with meeting.yaml (status planerad) and the body's standard opening items

cli-new-help-item = An item file after the meeting's last item: `NN-<title as file name>.yaml`

cli-new-help-help = Print this message or the help of the given subcommand(s)

cli-list = List every meeting: body, date, status, items, paragraphs, and whether each of its documents in out/ is up to date
    .long =
        List every meeting: body, date, status, items, paragraphs, and whether each of its documents in out/ is up to date.

        A document is up to date when `rsr build` wrote it from the data and templates the repository holds now and the file has not changed since (judged by content hashes kept in out/.rsr.manifest, not by timestamps); outdated when either differs; missing when not built.
    .examples =
        Examples:
          rsr list                           a table, one meeting per line
          rsr list --format json | jq .      for scripts: every document with its state
cli-list-arg-format = How to print
    .value-human = One aligned line per meeting
    .value-json = A JSON array of meetings, each with its documents and their state
cli-list-arg-out = The output folder to compare with [default: <root>/out]

cli-justera = Mark a held meeting as adjusted (justerad) and seal its protokoll
    .long =
        Mark a held meeting as adjusted (justerad) and seal its protokoll.

        Sets `status: justerad` and the justering's date in meeting.yaml and writes justering.lock beside it: a hash of everything the protokoll shows, the adjusters, the date and the commit checked out. From then on `rsr check` fails if the protokoll's content changes, unless the change is recorded under `rättelser:` in meeting.yaml; run `rsr justera` again to seal the corrected protokoll, which shows the rättelse. The meeting must pass `rsr check`; on any failure meeting.yaml is left as it was.
    .examples =
        Examples:
          rsr justera bmn 2026-10-14                      on the date justering: gives
          rsr justera rlg 2025-11-17 --datum 2025-11-26   on another date
          rsr justera kn 2026-03-02 --plats digitalt      when meeting.yaml has no justering:
cli-justera-arg-body = The body's folder name or short name
cli-justera-arg-date = The meeting's date, YYYY-MM-DD
cli-justera-arg-datum = The date of justering [default: `justering: datum:` in meeting.yaml, else today]
cli-justera-arg-plats = Where the justering takes place, for a meeting.yaml without `justering:`

cli-signera = Sign an adjusted protokoll digitally, or prepare it for a signing service and take it back signed
    .long =
        Sign an adjusted protokoll digitally, or prepare it for a signing service and take it back signed.

        The signed protokoll is `signerat/protokoll.pdf` in the meeting's folder: the PDF rsr builds from the sealed data, byte for byte, with an empty signature field for the sekreterare, the ordförande and each justerare, and one PAdES signature per signer, each appended after the last. With `--certifikat` the signer signs here with a .p12 file (its password from RSR_CERTIFIKAT_LOSENORD, or asked for at a terminal); the field is the one of the person the certificate names. With `--forbered` rsr writes the PDF a signing service is to sign; with `--ta-emot` it takes the service's signed PDF into the meeting folder, once it verifies as `rsr verifiera` checks. Commit the file with the meeting.
    .examples =
        Examples:
          rsr signera bmn 2026-10-14 --certifikat anna.p12      sign as the person anna.p12 names
          rsr signera bmn 2026-10-14 --forbered att-signera.pdf
                                                                the PDF for a signing service
          rsr signera bmn 2026-10-14 --ta-emot signerad.pdf     take the service's signed PDF
          rsr signera bmn 2026-10-14 --certifikat anna.p12 --tidsstampel http://tsa.example.se/
                                                                signed and time-stamped (PAdES B-T)
cli-signera-arg-body = The body's folder name or short name
cli-signera-arg-date = The meeting's date, YYYY-MM-DD
cli-signera-arg-certifikat = Sign with this certificate and key, a PKCS #12 file (.p12, .pfx)
cli-signera-arg-roll = The signature field to sign in [default: that of the person the certificate names]
cli-signera-arg-tidsstampel = Have the signature time-stamped by the time-stamp authority at URL (RFC 3161, http://): a PAdES B-T signature
cli-signera-arg-paragraf = Sign the protokollsutdrag of this paragraph (the sekreterare's utdragsbestyrkande) instead of the protokoll
cli-signera-arg-forbered = Write the PDF a signing service is to sign to FILE
cli-signera-arg-ta-emot = Take the signed PDF a signing service returned into the meeting's folder

cli-verifiera = Check the signatures of a signed protokoll
    .long =
        Check the signatures of a signed protokoll.

        Each signature: its cryptography, that it covers the file up to its revision, that nothing after it changes the document, the signer against the person the protokoll names for the field, the signing time against the meeting and the certificate's validity, and whether the certificate chains to a CA in the repository's trust list (`signering/betrodda/`). Given a meeting, also that the signed PDF is the one rsr builds from the sealed data. Exits with 1 when a signature does not hold.
    .examples =
        Examples:
          rsr verifiera bmn 2026-10-14                  the meeting's signerat/protokoll.pdf
          rsr verifiera bmn 2026-10-14 --fil inkommen.pdf   another file, against the meeting
          rsr verifiera protokoll.pdf                   a file alone, without the repository's data
          rsr verifiera bmn 2026-10-14 --format json    for scripts
cli-verifiera-arg-target = A signed PDF, or a body's folder name or short name followed by a meeting's date
cli-verifiera-arg-date = The meeting's date, YYYY-MM-DD, after a body
cli-verifiera-arg-fil = The signed PDF to check against the meeting [default: its signerat/protokoll.pdf]
cli-verifiera-arg-paragraf = Check the signed protokollsutdrag of this paragraph [default: the protokoll]
cli-verifiera-arg-format = How to print
    .value-human = A line per signature and per problem
    .value-json = The whole report as JSON

cli-diff = Show which documents change between a git revision and the working tree, as Markdown for a pull-request comment
    .long =
        Show which documents change between a git revision and the working tree, as Markdown for a pull-request comment.

        Both sides are loaded and turned into documents the way `rsr build` does (the revision's files come from `git archive`); a document is listed when the data its template receives, or a file it carries, differs. For each: the meeting's fields and the items (paragraphs) added, removed or edited, with a word-level diff of the text, and a warning when an adjusted protokoll is touched. The text of a confidential item is never shown. No PDF is typeset.
    .examples =
        Examples:
          rsr diff                           against the merge base with main
          rsr diff HEAD~1                    what the last commit and the working tree change
          rsr diff origin/main --format json
                                             for scripts
cli-diff-arg-rev = The revision to compare with [default: the merge base of HEAD with main, or master]
cli-diff-arg-format = How to print
    .value-markdown = A Markdown comment for a pull or merge request
    .value-json = The same as JSON: documents, their items and fields, warnings

cli-publish = Copy what may be published from out/ into an empty folder, for a web server or Pages
    .long =
        Copy what may be published from out/ into an empty folder, for a web server or Pages.

        The site (index.html, feed.xml, the calendars, each meeting's open data) and the documents it links: never a draft (UTKAST), the internal protokoll of a meeting with confidential items, or the utdrag of a confidential paragraph, all of which out/ holds for the secretary. Run `rsr build` first.
    .examples =
        Examples:
          rsr build && rsr publish public     the public site in ./public, for GitLab Pages
          rsr publish /tmp/site --out pdf     from documents built with `rsr build --out pdf`
cli-publish-arg-dir = The folder to copy into; it must be empty or not exist yet
cli-publish-arg-out = Where `rsr build` wrote the documents [default: <root>/out]
cli-publish-arg-drafts = Also the drafts (UTKAST), for reviewers; never what holds confidential items

cli-arkivera = Write an adjusted meeting, or a body's adjusted meetings of a year, as an information package for the e-archive (E-ARK SIP, FGS Paketstruktur 2.0)
    .long =
        Write an adjusted meeting, or a body's adjusted meetings of a year, as an information package for the e-archive (E-ARK SIP, FGS Paketstruktur 2.0).

        Builds the documents first, as `rsr build` does. The package is a folder and a zip of it in <out>/arkiv/: METS.xml (E-ARK CSIP/SIP 2.1), PREMIS preservation metadata (the documents' creation by rsr, the justering, each signature), a Dublin Core description, the PDF/A documents (protokoll and its public version, utdrag, kallelse, anslagsbevis, attachments, signed copies) with SHA-256 checksums, and the YAML sources with justering.lock and the open data as documentation. The same data gives the same package, byte for byte. A meeting not yet adjusted is refused; in a year it is left out, and said so.
    .examples =
        Examples:
          rsr arkivera bmn 2026                 the adjusted meetings of 2026, one package
          rsr arkivera bmn 2026-10-14           one meeting
          rsr arkivera rlg 2025 --dir /mnt/e-arkiv/leverans
cli-arkivera-arg-body = The body's folder name or short name
cli-arkivera-arg-period = A year, YYYY (its adjusted meetings in one package), or a meeting's date, YYYY-MM-DD
cli-arkivera-arg-dir = Where to write the package [default: <out>/arkiv]
cli-arkivera-arg-out = Where `rsr build` writes the documents [default: <root>/out]

cli-watch = Build, then rebuild whenever a file is saved, until stopped (Ctrl-C)
    .long =
        Build, then rebuild whenever a file is saved, until stopped (Ctrl-C).

        Changes are gathered until none has come for 50 milliseconds. A file counts when the last build read it (YAML, templates, attachments) or when the next would (a new YAML file, template or meeting folder); out/, .git/ and other files are ignored. What it affects is rebuilt: an item, attachment or meeting.yaml rebuilds that meeting's documents and those of the body's later meetings that year (their § numbers follow), a body.yaml the body, rsr.yaml or templates/ everything. Each rebuild prints what it wrote, or the problems that stopped it, and watching goes on. The typesetting processes are kept from one rebuild to the next, so that none has to start again. Takes the same options as `rsr build`; with a filter, every change rebuilds just that.
    .examples =
        Examples:
          rsr watch                                          everything, rebuilt as you save
          rsr watch --meeting 2026-10-14 --kind protokoll --open
                                                             one protokoll, opened in the PDF viewer
cli-watch-arg-body = Only this body (its folder name or short name); repeatable
cli-watch-arg-meeting = Only the meeting of this date (YYYY-MM-DD); repeatable
cli-watch-arg-kind = Only this kind of document; repeatable
    .value-kallelse = Kallelse/föredragningslista, from status `kallad` on
    .value-protokoll = Protokoll, once the meeting is `genomförd`
    .value-protokollsutdrag = Protokollsutdrag, one per paragraph, once the meeting is `justerad`; for a paragraph adjusted immediately, once it is `genomförd`
    .value-sammantradesplan = Sammanträdesplan: a body's meetings of a year
    .value-anslagsbevis = Anslagsbevis, for bodies with `anslagstavla: true`, once `justerad`
    .value-kungorelse = Kungörelse of a fullmäktige meeting, from status `kallad` on
    .value-beslutsuppfoljning = Beslutsuppföljning: a body's uppdrag and motions of a year, where it has any
cli-watch-arg-paragraph = Only the protokollsutdrag of this paragraph (§ number); repeatable
cli-watch-arg-out = Where to write the PDFs [default: <root>/out]
cli-watch-arg-jobs = Documents typeset at once [default: the number of cores]
cli-watch-arg-force = Typeset every document, even those out/ has up to date
cli-watch-arg-timings = Print where the time went: load, check, data, layout, PDF export, write
cli-watch-arg-open = Open the first document built in the system's viewer, once (without a filter: the site's index.html)

cli-completions = Print a shell's completion script for rsr
    .long =
        Print a shell's completion script for rsr.

        Load it in the shell's start-up file, or install it where the shell looks for completions; the descriptions are in the language of the run.
    .examples =
        Examples:
          rsr completions bash > ~/.local/share/bash-completion/completions/rsr
          rsr completions zsh > ~/.zfunc/_rsr
          rsr completions fish > ~/.config/fish/completions/rsr.fish
          rsr completions powershell >> $PROFILE
cli-completions-arg-shell = The shell

cli-man = Print rsr's manual page (roff), or write one per command into a folder
    .examples =
        Examples:
          rsr man | man -l -
          rsr man --out ~/.local/share/man/man1
cli-man-arg-out = Write rsr.1 and a page per command (rsr-build.1 …) into this folder

cli-schema = Print the JSON Schema of a kind of YAML file, for editors
    .long =
        Print the JSON Schema of a kind of YAML file, for editors.

        With VS Code's YAML extension, a first line such as `# yaml-language-server: $schema=../../../schema/item.json` in a file gives completion and validation as you type.
cli-schema-arg-kind = Which file's schema to print [default: meeting]
    .value-rsr = rsr.yaml
    .value-body = meetings/<body>/body.yaml
    .value-meeting = meetings/<body>/<date>/meeting.yaml
    .value-item = an agenda item file beside meeting.yaml
    .value-delegationsbeslut = meetings/<body>/delegationsbeslut/*.yaml, a register of delegation decisions
    .value-motioner = meetings/<body>/motioner/*.yaml, a register of motions
    .value-open-data = out/<body>/<date>.json, a meeting's open data
cli-schema-arg-out = Write every schema into this folder instead (rsr.json, body.json, meeting.json, item.json, delegationsbeslut.json, motioner.json, open-data.json)

cli-help = Print this message or the help of the given subcommand(s)

cli-help-build = Typeset every document that the meetings' statuses allow

cli-help-check = Check every file against every rule and report all problems at once

cli-help-init = Start a meeting repository: rsr.yaml, a first body, schemas, editor settings, a CI workflow and a README

cli-help-new = Scaffold a body, a meeting or an agenda item

cli-help-new-body = A body: meetings/<folder>/body.yaml with its name, short name and kind, and comments that show how to add its members

cli-help-new-meeting = A meeting folder with meeting.yaml (status planerad) and the body's standard opening items

cli-help-new-item = An item file after the meeting's last item: `NN-<title as file name>.yaml`

cli-help-list = List every meeting: body, date, status, items, paragraphs, and whether each of its documents in out/ is up to date

cli-help-justera = Mark a held meeting as adjusted (justerad) and seal its protokoll

cli-help-signera = Sign an adjusted protokoll digitally, or prepare it for a signing service and take it back signed

cli-help-verifiera = Check the signatures of a signed protokoll

cli-help-diff = Show which documents change between a git revision and the working tree, as Markdown for a pull-request comment

cli-help-publish = Copy what may be published from out/ into an empty folder, for a web server or Pages

cli-help-arkivera = Write an adjusted meeting, or a body's adjusted meetings of a year, as an information package for the e-archive (E-ARK SIP, FGS Paketstruktur 2.0)

cli-help-watch = Build, then rebuild whenever a file is saved, until stopped (Ctrl-C)

cli-help-completions = Print a shell's completion script for rsr

cli-help-man = Print rsr's manual page (roff), or write one per command into a folder

cli-help-schema = Print the JSON Schema of a kind of YAML file, for editors

cli-help-help = Print this message or the help of the given subcommand(s)

# How the values of an argument are described, and the usage line's placeholders.
cli-default = default: { $value }
cli-possible-values = possible values: { $values }
cli-possible-values-heading = Possible values:
cli-usage-options = {"["}OPTIONS]
cli-value-name-dir = DIR
cli-value-name-lang = LANG
cli-value-name-body = BODY
cli-value-name-date = DATE
cli-value-name-period = YEAR|DATE
cli-value-name-kind = KIND
cli-value-name-n = N
cli-value-name-format = FORMAT
cli-value-name-place = PLACE
cli-value-name-start = START
cli-value-name-end = END
cli-value-name-title = TITLE
cli-value-name-when = WHEN
cli-value-name-shell = SHELL
cli-value-name-organisation = ORGANISATION
cli-value-name-kortnamn = KORTNAMN
cli-value-name-typ = TYP
cli-value-name-ci = CI
cli-value-name-url = URL
cli-value-name-name = NAME
cli-value-name-mapp = MAPP
cli-value-name-rev = REV
cli-value-name-command = COMMAND
cli-value-name-file = FILE
cli-value-name-field = FIELD
cli-value-name-target = FILE|BODY
