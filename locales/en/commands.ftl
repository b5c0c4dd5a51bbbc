# commands

## src/review/justera.rs

cmd-justera-no-meeting = { $body } has no meeting on { $date } under { $folder }
cmd-justera-cancelled = { $meeting } is inställd: a cancelled meeting has no protokoll to adjust
cmd-justera-not-held = { $meeting } is { $status }: a meeting is adjusted after it has been held; set `status: genomförd` and record the attendance first
cmd-justera-unchanged = { $meeting } was adjusted on { $adjusted } and its protokoll is unchanged; nothing to do
cmd-justera-corrected = sealed the rättelse of { $meeting } ({ $parts }); the protokoll now shows it
cmd-justera-changed = the adjusted protokoll of { $meeting } has changed without a rättelse: record the change under `rättelser:` in { $file } and run rsr justera again, or undo it
cmd-justera-sealed = { $meeting } is justerad on { $date }; its protokoll is sealed, and `rsr check` will report any later change that is not a rättelse
cmd-justera-informationsbeslut = ; the body's informationsbeslut is written as `beslut:` into { $files }
cmd-justera-first-page = the first page

## src/review/git.rs, src/review/diff/mod.rs

cmd-git-not-a-commit = `{ $rev }` is not a commit in this repository
cmd-git-missing = rsr diff needs git on PATH: { $error }
cmd-git-no-repository = { $folder } is not in a git repository: rsr diff compares commits; run `git init` and commit the files first
cmd-git-no-commits = the git repository has no commits yet: commit the files first, then rsr diff compares with that commit
cmd-git-no-main = no main or master branch to compare with: name a revision, e.g. `rsr diff HEAD~1`
cmd-diff-working-tree = the working tree
cmd-diff-unreadable = cannot read rsr.yaml of { $what }: run `rsr check` there

## src/output/write.rs

cmd-out-is-a-file = { $out } is a file, not a folder: name another output folder with --out, or move the file

## src/build/mod.rs, src/commands/build.rs

cmd-build-waiting = Another rsr build is writing to { $out }: waiting for it to finish …
cmd-build-lost = rsr lost this document on the way to typesetting it: please report it as a bug
cmd-build-changed = { $place } changed while rsr was building: run rsr build again
cmd-build-inventory-wrong = The inventory in { $out } said nothing had changed since the last build, but a build all the same typeset { $built } documents, rewrote { $site } site files or reported something else: a bug in rsr
cmd-build-inventory-body = The inventory in { $out } held what { $body }'s rules found and its documents as unchanged, but building them again made something else: a bug in rsr
cmd-check-inventory-findings = The inventory in { $out } held what { $body }'s rules found as unchanged, but running them again found something else: a bug in rsr
cmd-check-inventory-seal = The inventory in { $out } held the seal of { $meeting }'s protokoll as unchanged, but making it again gave another: a bug in rsr
cmd-build-inventory-pdf = The inventory in { $out } vouched for { $pdf } as the file it recorded, but its bytes are not those it recorded: a bug in rsr
cmd-build-site-present = The manifest in { $out } recorded { $pdf } as this build found it or wrote it, but out/ holds it otherwise: a bug in rsr
cmd-build-model-differs = The model of { $body } kept in { $out } is not what its files load to, though its key says they are as when it was kept: a bug in rsr
cmd-build-kept-tracked = warning: rsr's own records in { $out } are tracked by git: they came with a commit, not from an rsr build, and are not trusted, so everything is read and typeset as if they were not there. Take them out of git: git rm -r --cached { $paths }
cmd-build-kept-git-failed = warning: { $out } is in a git repository, but git could not say which of rsr's own records in it are tracked ({ $error }); none of them is trusted, so everything is read and typeset as if they were not there
cmd-build-no-worker = rsr could not start a process to typeset it: { $reason }
cmd-build-too-slow = typesetting took longer than { $seconds } s, the limit (`gränser: {"{"}sekunder_per_dokument: …{"}"}` in rsr.yaml): does a template loop?
cmd-build-too-much-memory = typesetting needed more memory than { $megabytes } MB, the limit (`gränser: {"{"}megabyte_per_dokument: …{"}"}` in rsr.yaml): does a template build something without end, or does the document hold more than any reader needs?
cmd-build-worker-stopped = Typst stopped with an internal error while typesetting it ({ $status }): please report it. It said:
    { $said }
cmd-build-sources = Wrote the Typst sources of { $count } { $count ->
        [one] document
       *[other] documents
    } into { $folder }
cmd-build-unchanged = ; { $count } up to date
cmd-build-built = Built { $count } { $count ->
        [one] document
       *[other] documents
    } ({ $pages } { $pages ->
        [one] page
       *[other] pages
    }) in { $seconds } s into { $out }{ $unchanged }
cmd-build-site-more = and { $count } more
cmd-build-wrote = wrote { $file }
cmd-build-site = Updated the site: { $files }
cmd-build-removed = Removed what is no longer made: { $files }
cmd-build-unremoved = warning: { $file } is no longer made but could not be removed ({ $error }); the next build tries again
cmd-timings = Timings: { $total } s in all; layout and PDF export are summed over { $threads } { $threads ->
        [one] thread
       *[other] threads
    }
cmd-timings-inventory = inventory (what changed since last build)
cmd-timings-load = load (read and parse the YAML)
cmd-timings-check = check (the rules)
cmd-timings-data = data (model to template data)
cmd-timings-setup = setup (fonts and templates)
cmd-timings-fingerprint = fingerprints (what is up to date)
cmd-timings-typeset = typeset (wall clock)
cmd-timings-layout = layout (Typst, all threads)
cmd-timings-export = pdf export (Typst, all threads)
cmd-timings-write = write (PDFs)
cmd-timings-site = site (index, feed, calendars, open data), manifest
cmd-timings-meetings = meetings whose documents were made: { $made }; taken from the inventory: { $kept }
cmd-timings-per-document = per document typeset: p50 { $p50 } ms, p95 { $p95 } ms, max { $max } ms ({ $count } documents)
cmd-timings-peak = peak memory (resident): { $megabytes } MB
cmd-timings-peak-workers = peak memory (resident): { $megabytes } MB at most at once (rsr { $own } MB; { $typesetting } MB while { $threads ->
        [one] one typesetting process
       *[other] { $threads } typesetting processes
    } of at most { $worker } MB ran)

## src/commands/watch.rs, src/build/watch.rs

cmd-watch-cannot = cannot watch { $folder }: { $error }
cmd-watch-waiting = Watching { $folder } for changes (Ctrl-C stops)
cmd-watch-building = Building
cmd-watch-changed = Changed: { $files }
cmd-watch-cannot-open = could not open { $file }: { $error }

## src/commands/list.rs, src/commands/mod.rs

cmd-list-note = note: { $summary }; run `rsr check` for details
cmd-no-root = no { $file } here or in any parent folder: run rsr inside a meeting repository or pass --root

## src/error.rs, src/site, src/docs, src/typeset, src/review/justera.rs

could-not-typeset = could not typeset { $document }
cmd-publish-not-empty = { $folder } is not empty: rsr publish writes only into an empty or new folder, so that nothing it should not publish is left there
cmd-publish-unbuilt = cannot read { $file } ({ $error }): run `rsr build` before `rsr publish`
cmd-no-meeting-on = no meeting on { $date } under meetings/
cmd-template-unreadable = cannot read the template { $template }: { $reason }
cmd-template-not-utf8 = the template { $template } is not UTF-8 text
cmd-template-built-in = { $template } (built into rsr)
cmd-cannot-read = cannot read { $file }: { $reason }
cmd-not-utf8 = { $file } is not UTF-8 text
cmd-logo-not-image = { $file } is not an SVG or PNG file
cmd-justera-cannot-write-decision = cannot write the body's informationsbeslut into { $file }: write `beslut: { $decision }` there yourself and run rsr justera again
cmd-justera-place-given = { $file } already gives the justering's place (`justering: plats:`); edit it there
cmd-justera-no-place = { $file } has no `justering:`; say where it takes place with --plats (e.g. --plats digitalt)
cmd-justera-no-line = line { $line } is not in the file
cmd-justera-no-value = line { $line } has no value at column { $column }

## src/repo/scaffold.rs, src/repo/model.rs

cmd-new-exists = { $folder } exists already: a body meets once a day; edit that meeting instead
cmd-new-meeting-note = planerad, { $count } opening items; its paragraphs will start at § { $first }
cmd-new-unread-meeting = the meeting of { $date } of { $body } does not read: `rsr check` shows why; correct it, then add the item
cmd-new-no-meeting = { $body } has no meeting on { $date }; create it with `rsr new meeting { $slug } { $date }`
cmd-new-adjusted = the meeting of { $date } is justerad: its protokoll is adjusted and takes no new items
cmd-new-no-title = an item needs a title
cmd-new-item-note = item `{ $id }`, last on the agenda
cmd-new-body-taken = a body with the short name { $short } exists already ({ $file }): give the new body a short name of its own
cmd-new-body-note = add its members under `ledamöter:`, with the persons under `personer:` in rsr.yaml
cmd-new-no-default = { $what ->
        [both] neither a place nor a start time is known for { $body }: give --place and --start, or set `förval: {"{"}plats: …, start: …{"}"}` in { $file }
        [place] no place known for { $body }: give --place, or set `förval: {"{"}plats: …{"}"}` in { $file }
       *[other] no start time known for { $body }: give --start, or set `förval: {"{"}start: …{"}"}` in { $file }
    }
cmd-no-bodies = no body `{ $wanted }`: the repository has no bodies yet; add one as meetings/<folder>/body.yaml with `namn:` and `kortnamn:` (docs/format.md)
cmd-no-body = no body `{ $wanted }`; the bodies are: { $bodies }
load-not-regular-file = it is not a regular file
load-not-a-readable-file = { $file } is not a file that can be read ({ $what ->
        [folder] it is a folder
        [special] it is a FIFO, a device or a socket
       *[nothing] a symbolic link to nothing
    })
load-name-not-utf8 = the name `{ $name }` in { $folder } is not UTF-8 text, so it cannot be read alike on every system: rename it
cli-not-a-date = `{ $text }` is not a date: expected YYYY-MM-DD, a day that exists

## src/build/list.rs

cmd-list-items = { $count } { $count ->
        [one] item
       *[other] items
    }
cmd-list-no-documents = no documents yet
cmd-list-state = { $kind } { $state }
cmd-list-signed = signed { $count }
cmd-list-count = { $count } { $state }
cmd-list-up-to-date = up to date
cmd-list-outdated = outdated
cmd-list-missing = missing

## src/commands/new.rs, src/commands/publish.rs

cmd-new-created = Created { $path } ({ $note })
cmd-published = Published { $count } files into { $folder }

## src/review/justera.rs: the printout

cmd-justera-printout-added = { $meeting } is unchanged since its justering; its lock now also holds the printed text of its protokoll and its files, so that a changed template or file is found
cmd-out-link = { $folder } is a symbolic link (to { $to }): rsr writes only into real folders, so that nothing ends up outside the output folder; remove the link and rsr makes the folder
cmd-justera-disappeared = { $meeting } disappeared while adjusting: another change was written at the same time; run rsr justera again
cmd-site-template = site template { $name }: { $error }
cmd-site-ahead = the site's { $part }, made while the documents were typeset, is not what is made now: a bug in rsr (found by RSR_VERIFY_INVENTORY)

## src/commands/init.rs

cmd-init-exists = { $folder } holds an rsr repository already ({ $file }): rsr init starts a new one; use rsr new body or rsr new meeting in it instead
cmd-init-taken = rsr init would write files that exist in { $folder }: { $files }; move them away or start in another folder (nothing was written)
cmd-init-done = Started an rsr repository in { $folder }: { $files }. Next: add the persons to rsr.yaml and the members to body.yaml, then `rsr new meeting { $body } <YYYY-MM-DD>`, `rsr check` and `rsr build`
cmd-init-set-git = Set RSR_GIT in { $file } to where your organisation keeps rsr (or give --rsr-git); RSR_REF names this rsr's version
cmd-init-workflow = rsr's CI workflow does not set RSR_GIT and RSR_REF once each: please report it

## rsr arkivera
cli-not-a-period = `{ $text }` is neither a year nor a date: expected YYYY for a year, YYYY-MM-DD for a meeting
archive-no-meeting = { $body } has no meeting on { $date }; its meetings are: { $dates }
archive-not-adjusted = { $body }, the meeting of { $date }, is not adjusted (status: { $status }); only adjusted meetings are archived. Adjust it with `rsr justera` first
archive-none-adjusted = { $body } has no adjusted meeting in { $year }; only adjusted meetings are archived
archive-left-out = { $date } ({ $status }, not adjusted)
archive-not-pdfa = { $file } does not declare itself PDF/A; the e-archive may refuse it (it is also embedded in the document that attaches it)
cmd-archive-warning = warning: { $text }
cmd-archive-left-out = Not in the package: { $text }
cmd-archived = Archived { $meetings ->
        [one] one meeting
       *[other] { $meetings } meetings
    } ({ $label }): { $files } files, { $megabytes } MB, in { $folder } and { $zip }
archive-not-built = { $file } is not the document rsr built (it changed in out/ since, or out/.rsr.manifest lacks it): run rsr build and archive again
