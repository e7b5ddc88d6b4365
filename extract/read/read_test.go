package read

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/article"
)

const story = "Nordic ministers agree on joint air patrols\n\nThe defence ministers of Norway, Sweden, Finland and Denmark agreed on Thursday to merge their air patrols over the Baltic Sea.\n"

// write creates files under dir: name -> content.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// collect reads paths and returns the docs and the errors.
func collect(r *Reader, paths ...string) ([]*article.Doc, []*FileError) {
	var docs []*article.Doc
	var errs []*FileError
	for d, err := range r.Docs(paths...) {
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				panic("not a *FileError: " + err.Error())
			}
			errs = append(errs, fe)
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs
}

func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"b.txt":              story,
		"a.md":               "# Title\n\nSome text here.\n",
		"sub/c.TXT":          "Third article text.\n",
		"sub/notes.pdf":      "%PDF-1.4",
		".hidden.txt":        "secret",
		".git/x.txt":         "objects",
		"sub/.cache/y.jsonl": `{"id":"y","text":"hidden"}`,
		"d.jsonl":            `{"id":"rec-1","title":"  First   record ","url":"https://example.org/1","published":"2024-11-23T10:00:00Z","text":"Record one text."}` + "\n\n" + `{"id":7,"text":"Record two text.","published":"someday"}` + "\n",
	})
	var notices []string
	r := New(Options{Notify: func(p, reason string) { notices = append(notices, filepath.Base(p)+": "+reason) }})
	docs, errs := collect(r, dir)
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.Meta.ID)
	}
	want := strings.Join([]string{cid("a", "# Title\n\nSome text here.\n"), cid("b", story), "rec-1", "7", cid("c", "Third article text.\n")}, " ")
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("ids = %q, want %q (sorted, hidden skipped)", got, want)
	}
	if len(notices) != 1 || !strings.HasPrefix(notices[0], "notes.pdf: unsupported") {
		t.Errorf("notices = %q", notices)
	}
	if len(r.Skipped()) != 1 {
		t.Errorf("skipped = %q", r.Skipped())
	}
	b := docs[1]
	if b.Text != story || b.Meta.Source != filepath.Join(dir, "b.txt") || b.Meta.Words != 28 || len(b.Meta.Hash) != 16 || b.Meta.Kind != "article" {
		t.Errorf("b = %+v", b.Meta)
	}
	rec := docs[2]
	if rec.Meta.Title != "First record" || rec.Meta.URL != "https://example.org/1" || rec.Meta.Published != "2024-11-23" ||
		rec.Meta.PublishedSource != SourceMetadata || rec.Meta.Line != 1 || rec.Text != "Record one text." {
		t.Errorf("record 1 = %+v", rec.Meta)
	}
	if r2 := docs[3]; r2.Meta.Line != 3 || r2.Meta.Published != "" || r2.Meta.PublishedSource != "" {
		t.Errorf("record 2 = %+v", r2.Meta)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("word ", 300)
	write(t, dir, map[string]string{
		"empty.txt":      "",
		"blank.txt":      " \n\t\n",
		"nul.txt":        "text\x00more",
		"ctrl.txt":       strings.Repeat("a\x01\x02\x03", 50),
		"latin1.txt":     "caf\xe9 au lait",
		"big.txt":        big,
		"nobody.html":    "<html><head><title>Only a title</title></head></html>",
		"script.html":    "<html><body><script>var x = 1;</script></body></html>",
		"bad.jsonl":      "{\"id\":\"ok\",\"text\":\"fine text\"}\n{\"id\":\"x\",\"text\":\n[1,2]\n{\"id\":\"n\"}\n{\"id\":{},\"text\":\"t\"}\n{\"id\":\"e\",\"text\":\"  \"}\n{\"id\":\"z\",\"text\":\"a\\u0000b\"}\n{\"id\":\"y\",\"text\":\"ok\"} trailing\n{\"id\":\"last\",\"text\":\"last one\"}",
		"biglines.jsonl": "{\"id\":\"a\",\"text\":\"" + big + "\"}\n{\"id\":\"b\",\"text\":\"short\"}\n",
		"good.txt":       story,
	})
	r := New(Options{MaxBytes: 1000})
	paths := []string{"empty.txt", "blank.txt", "nul.txt", "ctrl.txt", "latin1.txt", "big.txt", "nobody.html", "script.html", "bad.jsonl", "biglines.jsonl", "good.txt", "missing.txt", "notes.pdf"}
	for i, p := range paths {
		paths[i] = filepath.Join(dir, p)
	}
	write(t, dir, map[string]string{"notes.pdf": "%PDF"})
	docs, errs := collect(r, paths...)
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.Meta.ID)
	}
	if got, want := strings.Join(ids, " "), "ok last b "+cid("good", story); got != want {
		t.Errorf("docs = %q, want %q", got, want)
	}
	want := []struct {
		file string
		line int
		err  error
		text string
	}{
		{"empty.txt", 0, ErrEmpty, "empty"},
		{"blank.txt", 0, ErrEmpty, "whitespace only"},
		{"nul.txt", 0, ErrBinary, "NUL"},
		{"ctrl.txt", 0, ErrBinary, "control characters"},
		{"latin1.txt", 0, ErrInvalidUTF8, "at byte 3"},
		{"big.txt", 0, ErrTooLarge, "size cap"},
		{"nobody.html", 0, ErrNoText, "no main text"},
		{"script.html", 0, ErrNoText, "no main text"},
		{"bad.jsonl", 2, ErrMalformed, "malformed record: truncated JSON"},
		{"bad.jsonl", 3, ErrMalformed, "want a JSON object"},
		{"bad.jsonl", 4, ErrMalformed, "no \"text\" field"},
		{"bad.jsonl", 5, ErrMalformed, "\"id\""},
		{"bad.jsonl", 6, ErrEmpty, "text: empty"},
		{"bad.jsonl", 7, ErrBinary, "text: binary"},
		{"bad.jsonl", 8, ErrMalformed, "after the JSON object"},
		{"biglines.jsonl", 1, ErrTooLarge, "record over the size cap"},
		{"missing.txt", 0, ErrNotFound, "cannot open"},
		{"notes.pdf", 0, ErrUnsupported, "unsupported file type"},
	}
	if len(errs) != len(want) {
		for _, e := range errs {
			t.Log(e)
		}
		t.Fatalf("%d errors, want %d", len(errs), len(want))
	}
	for i, w := range want {
		e := errs[i]
		if filepath.Base(e.Path) != w.file || e.Line != w.line || !errors.Is(e, w.err) || !strings.Contains(e.Error(), w.text) {
			t.Errorf("error %d = %v (line %d, %v); want %s:%d %v containing %q", i, e, e.Line, e.Err, w.file, w.line, w.err, w.text)
		}
		if !strings.HasPrefix(e.Error(), e.Path+":") {
			t.Errorf("error %q does not start with the path", e.Error())
		}
	}
	if len(r.Errors()) != len(want) {
		t.Errorf("Errors() has %d", len(r.Errors()))
	}
	if e := errs[9]; e.Error() != filepath.Join(dir, "bad.jsonl")+":3: "+e.Reason {
		t.Errorf("jsonl error reads %q", e.Error())
	}
}

func TestReadStdin(t *testing.T) {
	r := New(Options{Stdin: strings.NewReader(story)})
	docs, errs := collect(r, "-")
	if len(errs) != 0 || len(docs) != 1 || docs[0].Meta.ID != cid(StdinID, story) || docs[0].Meta.Source != "-" || docs[0].Meta.DocKey != "" || docs[0].Text != story {
		t.Fatalf("text stdin: %v %+v", errs, docs)
	}
	r = New(Options{Stdin: strings.NewReader("\n  {\"id\":\"s1\",\"text\":\"one\"}\n{\"id\":\"s2\",\"text\":\"two\"}\nnot json\n")})
	docs, errs = collect(r, "-")
	if len(docs) != 2 || docs[1].Meta.ID != "s2" || len(errs) != 1 || errs[0].Path != "-" || errs[0].Line != 4 {
		t.Fatalf("jsonl stdin: %v %v", docs, errs)
	}
}

func TestReadHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Nordic ministers agree on joint air patrols | Example News</title>
<meta property="og:title" content="Nordic ministers agree on joint air patrols">
<meta property="article:published_time" content="2025-03-06T09:30:00Z">
<link rel="canonical" href="https://news.example.org/nordic-patrols"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Nordic ministers agree on joint air patrols</h1>
<p>The defence ministers of Norway, Sweden, Finland and Denmark agreed on Thursday to merge their air patrols over the Baltic Sea, according to a joint statement released in Oslo after the meeting.</p>
<p>The plan still needs the approval of the four parliaments, which is expected before the end of the year.<br>Officials said the first joint flights could start in the spring.</p>
<p>Danish Defence Minister Troels Lund Poulsen called the agreement “a practical step” that would save money and pilots, and said the ministers would meet again in Helsinki in June.</p>
</article><footer>© Example News. Share on Facebook.</footer></body></html>`
	dir := t.TempDir()
	write(t, dir, map[string]string{"page.html": page})
	docs, errs := collect(New(Options{}), filepath.Join(dir, "page.html"))
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("errs %v docs %d", errs, len(docs))
	}
	d := docs[0]
	if d.Meta.ID != cid("page", d.Text) || d.Meta.DocKey != filepath.Join(dir, "page.html") || d.Meta.Title != "Nordic ministers agree on joint air patrols" || d.Meta.Published != "2025-03-06" || d.Meta.PublishedSource != SourceMetadata {
		t.Errorf("meta = %+v", d.Meta)
	}
	if !strings.Contains(d.Text, "in Oslo after the meeting.\n\nThe plan still needs") {
		t.Errorf("paragraphs not separated by a blank line:\n%s", d.Text)
	}
	if !strings.Contains(d.Text, "end of the year.\nOfficials said") {
		t.Errorf("<br> not a line break:\n%s", d.Text)
	}
	if strings.Contains(d.Text, "Share on Facebook") || strings.Contains(d.Text, "Home") {
		t.Errorf("boilerplate in main text:\n%s", d.Text)
	}
	if d.Meta.Hash != Hash(d.Text) || d.Meta.Words != CountWords(d.Text) {
		t.Errorf("hash/words not of the main text")
	}
}

func TestCountWords(t *testing.T) {
	for in, want := range map[string]int{
		"":                    0,
		"one":                 1,
		"  two\u00a0words ":   2,
		"a — b":               2,
		"“Quoted,” he said.":  3,
		"line\nbreak\ttab":    3,
		"Pune ₹25 Lakh":       3,
		"\u3000全角\u3000space": 2,
		"---  ***":            0,
	} {
		if got := CountWords(in); got != want {
			t.Errorf("CountWords(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestNormalizeDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-11-23":                    "2024-11-23",
		"2024-11-23T10:00:00+02:00":     "2024-11-23",
		"2024-02-30":                    "",
		"Sat, 23 Nov 2024 10:00:00 GMT": "2024-11-23",
		"November 23, 2024":             "2024-11-23",
		"23 November 2024":              "2024-11-23",
		"2024":                          "",
		"yesterday":                     "",
	} {
		if got := NormalizeDate(in); got != want {
			t.Errorf("NormalizeDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRenderTextTable(t *testing.T) {
	// via Bytes: the extension picks the format, unknown ones read as text
	r := New(Options{})
	var got []*article.Doc
	for d, err := range r.Bytes("notes.unknown", []byte("plain words")) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, d)
	}
	if len(got) != 1 || got[0].Text != "plain words" || got[0].Meta.ID != cid("notes", "plain words") || got[0].Meta.DocKey != "notes.unknown" {
		t.Errorf("Bytes: %+v", got)
	}
}

// checkDoc asserts what every read document satisfies.
func checkDoc(t *testing.T, d *article.Doc) {
	t.Helper()
	if d.Meta.ID == "" || d.Meta.Source == "" {
		t.Errorf("doc without id or source: %+v", d.Meta)
	}
	if strings.TrimSpace(d.Text) == "" {
		t.Errorf("doc %q with blank text", d.Meta.ID)
	}
	if !utf8.ValidString(d.Text) || strings.IndexByte(d.Text, 0) >= 0 {
		t.Errorf("doc %q: invalid UTF-8 or NUL", d.Meta.ID)
	}
	if d.Meta.Hash != Hash(d.Text) || len(d.Meta.Hash) != 16 || d.Meta.Words != CountWords(d.Text) {
		t.Errorf("doc %q: hash or words wrong", d.Meta.ID)
	}
	if p := d.Meta.Published; p != "" && (len(p) != 10 || NormalizeDate(p) != p) {
		t.Errorf("doc %q: published %q", d.Meta.ID, p)
	}
}

func fuzzBytes(t *testing.T, name string, data []byte) {
	r := New(Options{MaxBytes: 1 << 16})
	for d, err := range r.Bytes(name, data) {
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.Path != name || fe.Reason == "" {
				t.Fatalf("bad error %v", err)
			}
			continue
		}
		checkDoc(t, d)
	}
}

func FuzzReadText(f *testing.F) {
	f.Add([]byte(story))
	f.Add([]byte("\xef\xbb\xbfBOM text\r\nline"))
	f.Add([]byte("bad \xff utf8"))
	f.Add([]byte("nul\x00"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzBytes(t, "a.txt", data) })
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","title":"T","url":"u","published":"2024-01-02","text":"x y"}` + "\n" + `{"id":1,"text":"z"}`))
	f.Add([]byte("{\"text\":\"a\\u0000\"}\n\n{bad"))
	f.Add([]byte(`{"id":null,"text":"\ud800"}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzBytes(t, "c.jsonl", data) })
}

// TestReadHTMLDateInPageText: a page without a date in its metadata gets the date written in
// its text, through go-htmldate's extensive search. The forms below are the ones go-htmldate's
// own parsers miss and hand to the date parser (third_party/dateparser-en, English only):
// without it they come back as 1 January of the year.
func TestReadHTMLDateInPageText(t *testing.T) {
	body := `<p>The defence ministers of Norway, Sweden, Finland and Denmark agreed on Thursday to merge their air patrols over the Baltic Sea, according to a joint statement.</p>
<p>The plan still needs the approval of the four parliaments, which is expected before the end of the year.</p>`
	for _, tc := range []struct{ written, want string }{
		{"Sept. 3, 2025", "2025-09-03"},
		{"06-Mar-2025", "2025-03-06"},
		{"6 Sept 2025", "2025-09-06"},
	} {
		page := `<!DOCTYPE html><html><head><title>Nordic ministers agree on joint air patrols</title></head><body>
<article><h1>Nordic ministers agree on joint air patrols</h1><p class="date">` + tc.written + `</p>` + body + `</article></body></html>`
		dir := t.TempDir()
		write(t, dir, map[string]string{"page.html": page})
		docs, errs := collect(New(Options{}), filepath.Join(dir, "page.html"))
		if len(errs) != 0 || len(docs) != 1 {
			t.Fatalf("%q: errs %v docs %d", tc.written, errs, len(docs))
		}
		if m := docs[0].Meta; m.Published != tc.want || m.PublishedSource != SourceHTML {
			t.Errorf("%q: published %q (%s), want %q (%s)", tc.written, m.Published, m.PublishedSource, tc.want, SourceHTML)
		}
	}
}

func FuzzReadHTML(f *testing.F) {
	f.Add([]byte("<html><body><p>Some text that is long enough to be the main text of a page, with a second sentence.</p></body></html>"))
	f.Add([]byte("<p>unclosed <b>bold<br>line<table><tr><td>a<td>b</table>"))
	f.Add([]byte("<html><head><title>x</title></head></html>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return // trafilatura is slow on big random trees; size caps are tested elsewhere
		}
		fuzzBytes(t, "b.html", data)
	})
}

func TestBytesJSONLEqualsFile(t *testing.T) {
	data := []byte("{\"id\":\"a\",\"text\":\"one\"}\r\n{\"id\":\"b\",\"text\":\"two\"}")
	var ids []string
	for d, err := range New(Options{}).Bytes("x.jsonl", data) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.Meta.ID+"@"+string(rune('0'+d.Meta.Line)))
	}
	if strings.Join(ids, ",") != "a@1,b@2" {
		t.Errorf("ids %v", ids)
	}
	if !bytes.Contains(data, []byte("\r\n")) {
		t.Fatal("test data lost its CRLF")
	}
}

// TestSeeds reads the seed directory (skipped when ../shared is absent).
func TestSeeds(t *testing.T) {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			t.Skip("no go.mod above the test")
		}
		dir = filepath.Dir(dir)
	}
	seeds := filepath.Join(filepath.Dir(dir), "shared", "corpus", "seeds")
	files, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/corpus/seeds not found")
	}
	docs, errs := collect(New(Options{}), seeds)
	if len(errs) != 0 || len(docs) != len(files) {
		t.Fatalf("%d docs, errors %v", len(docs), errs)
	}
	for i, d := range docs {
		checkDoc(t, d)
		if want := strings.TrimSuffix(filepath.Base(files[i]), ".txt") + "-" + d.Meta.Hash[:8]; d.Meta.ID != want {
			t.Errorf("doc %d id %q, want %q", i, d.Meta.ID, want)
		}
		if d.Meta.Words < 300 {
			t.Errorf("%s: %d words", d.Meta.ID, d.Meta.Words)
		}
	}
}

// cid is the id the reader gives a document without an id of its own.
func cid(name, text string) string { return ContentID(name, Hash(text)) }

// Article ids are stable for the same document and distinct for different ones: two
// files called index.txt in two folders (or two texts piped into stdin) are two articles;
// the same text read twice, from anywhere, is one. A file's doc_key is its absolute path.
func TestArticleIDs(t *testing.T) {
	dir := t.TempDir()
	other := "Kaja Kallas met Antony Blinken in Tallinn on Tuesday.\n"
	write(t, dir, map[string]string{"a/index.txt": story, "b/index.txt": other, "c/index.txt": story,
		"r.jsonl": `{"id":" wire-1 ","text":"one"}` + "\n" +
			`{"url":"https://news.example.org/world/rutte-visits-kyiv.html?ref=rss","text":"two"}` + "\n" +
			`{"url":"https://news.example.org/world/rutte-visits-kyiv.html?ref=rss#top","text":"two, edited"}` + "\n" +
			`{"text":"three"}` + "\n"})
	docs, errs := collect(New(Options{}), filepath.Join(dir, "a", "index.txt"), filepath.Join(dir, "b", "index.txt"),
		filepath.Join(dir, "c", "index.txt"), filepath.Join(dir, "r.jsonl"))
	if len(errs) != 0 || len(docs) != 7 {
		t.Fatalf("errs %v, %d docs", errs, len(docs))
	}
	a, b, c := docs[0].Meta, docs[1].Meta, docs[2].Meta
	if a.ID == b.ID {
		t.Errorf("two different index.txt files share the id %q", a.ID)
	}
	if a.ID != c.ID || !strings.HasPrefix(a.ID, "index-") {
		t.Errorf("the same text in two folders: ids %q and %q, want one index-<hash> id", a.ID, c.ID)
	}
	if a.DocKey != filepath.Join(dir, "a", "index.txt") || a.Source != filepath.Join(dir, "a", "index.txt") {
		t.Errorf("doc_key %q, source %q: want the file's absolute path", a.DocKey, a.Source)
	}
	if docs[3].Meta.ID != "wire-1" {
		t.Errorf("a record's own id: %q", docs[3].Meta.ID)
	}
	u1, u2 := docs[4].Meta.ID, docs[5].Meta.ID
	if u1 != u2 || !strings.HasPrefix(u1, "rutte-visits-kyiv-") {
		t.Errorf("a record with a url and no id: ids %q and %q (the url names the article, edits keep its id)", u1, u2)
	}
	if docs[6].Meta.ID != cid("r", "three") {
		t.Errorf("a record with neither id nor url: %q", docs[6].Meta.ID)
	}
	for _, d := range docs[3:] {
		if d.Meta.DocKey != "" {
			t.Errorf("record %s has doc_key %q; records are named by their ids", d.Meta.ID, d.Meta.DocKey)
		}
	}
	one, _ := collect(New(Options{Stdin: strings.NewReader(story)}), "-")
	two, _ := collect(New(Options{Stdin: strings.NewReader(other)}), "-")
	if len(one) != 1 || len(two) != 1 || one[0].Meta.ID == two[0].Meta.ID || !strings.HasPrefix(one[0].Meta.ID, "stdin-") {
		t.Errorf("two texts piped into stdin must get two ids: %v %v", one, two)
	}
}
