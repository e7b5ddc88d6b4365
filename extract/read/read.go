package read

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/graph"
)

// DefaultMaxBytes is the default size cap: of a file, or of one record of a .jsonl file.
const DefaultMaxBytes = 10 << 20

// StdinPath is the path argument that means standard input.
const StdinPath = "-"

// StdinID is the name part of the id of a plain-text document read from standard input
// ("stdin-" and the hash of its text, see ContentID).
const StdinID = "stdin"

// Published sources set by the reader (graph.Article.PublishedSource).
const (
	SourceMetadata = "metadata" // a .jsonl "published" field or the HTML page's metadata
	SourceHTML     = "html"     // go-htmldate's guess from the page when the metadata had no date
)

// Format is an input format.
type Format int

// Input formats, chosen by file extension (case-insensitive).
const (
	FormatUnknown  Format = iota
	FormatText            // .txt, .text
	FormatMarkdown        // .md, .markdown (read as plain text; the cleaner knows "# " headings)
	FormatHTML            // .html, .htm, .xhtml
	FormatJSONL           // .jsonl, .ndjson: one article per line
)

// FormatOf returns the format for a file name, by extension.
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return FormatText
	case ".md", ".markdown":
		return FormatMarkdown
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".jsonl", ".ndjson":
		return FormatJSONL
	}
	return FormatUnknown
}

// Options configure a Reader. The zero value is usable.
type Options struct {
	// MaxBytes caps the size of a file, or of one .jsonl record (a .jsonl corpus itself
	// may be any size: it is streamed). 0 means DefaultMaxBytes; negative means no cap.
	MaxBytes int64

	// Stdin is read for the path "-". nil means os.Stdin.
	Stdin io.Reader

	// Notify, when set, is called for every file skipped inside a directory (unsupported
	// extension). Skipped files are also listed by Reader.Skipped.
	Notify func(path, reason string)

	// Remote, when set, reads http(s):// arguments (article and feed URLs); without it
	// they are rejected like a missing file.
	Remote Remote
}

// Reader turns path arguments into documents. It is not safe for concurrent use; one
// Reader per input run.
type Reader struct {
	opts    Options
	errs    []*FileError
	skipped []string
}

// New returns a Reader.
func New(opts Options) *Reader {
	if opts.MaxBytes == 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	return &Reader{opts: opts}
}

// Errors returns every input rejected so far, in reading order.
func (r *Reader) Errors() []*FileError { return r.errs }

// Skipped returns the files skipped inside directories so far ("path: reason").
func (r *Reader) Skipped() []string { return r.skipped }

// Docs yields the documents of the given paths, in order: files as given, directories
// recursively in lexical order (hidden files and directories are skipped, files with an
// unsupported extension are skipped with a notice), "-" for standard input.
//
// A rejected input yields (nil, *FileError) and reading goes on; the same errors are
// collected in Errors. Documents are produced one at a time: a large .jsonl corpus or a
// large directory never sits in memory as a whole.
//
// Standard input is a .jsonl stream when its first non-blank byte is '{', otherwise one
// plain-text document with id "stdin-<hash>" (see ContentID).
func (r *Reader) Docs(paths ...string) iter.Seq2[*article.Doc, error] {
	return func(yield func(*article.Doc, error) bool) {
		for _, p := range paths {
			if !r.path(p, yield) {
				return
			}
		}
	}
}

// Bytes yields the documents of in-memory content, as if it had been read from path
// (the extension picks the format; anything unknown is read as plain text).
func (r *Reader) Bytes(path string, data []byte) iter.Seq2[*article.Doc, error] {
	return func(yield func(*article.Doc, error) bool) {
		f := FormatOf(path)
		if f == FormatJSONL {
			r.jsonl(path, bytes.NewReader(data), yield)
			return
		}
		if f == FormatUnknown {
			f = FormatText
		}
		r.content(path, path, f, data, yield)
	}
}

// fail records and yields one error.
func (r *Reader) fail(e *FileError, yield func(*article.Doc, error) bool) bool {
	r.errs = append(r.errs, e)
	return yield(nil, e)
}

func (r *Reader) path(p string, yield func(*article.Doc, error) bool) bool {
	if p == StdinPath {
		return r.stdin(yield)
	}
	if r.opts.Remote != nil && IsURL(p) {
		return r.remote(p, yield)
	}
	info, err := os.Stat(p)
	if err != nil {
		return r.fail(fileErr(p, 0, fmt.Errorf("%w: %w", ErrNotFound, err), "cannot open: %s", osReason(err)), yield)
	}
	if !info.IsDir() {
		f := FormatOf(p)
		if f == FormatUnknown {
			return r.fail(fileErr(p, 0, ErrUnsupported, "unsupported file type %q (want .txt, .md, .html, .htm, .jsonl)", filepath.Ext(p)), yield)
		}
		return r.file(p, f, info, yield)
	}
	cont := true
	walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			cont = r.fail(fileErr(path, 0, fmt.Errorf("%w: %w", ErrNotFound, err), "cannot read: %s", osReason(err)), yield)
			if !cont {
				return fs.SkipAll
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		f := FormatOf(path)
		if f == FormatUnknown {
			r.skip(path, fmt.Sprintf("unsupported file type %q", filepath.Ext(path)))
			return nil
		}
		info, err := os.Stat(path) // follows symlinks
		if err != nil {
			cont = r.fail(fileErr(path, 0, fmt.Errorf("%w: %w", ErrNotFound, err), "cannot open: %s", osReason(err)), yield)
		} else if info.IsDir() {
			return nil // a symlink to a directory: not followed
		} else {
			cont = r.file(path, f, info, yield)
		}
		if !cont {
			return fs.SkipAll
		}
		return nil
	})
	if walkErr != nil && cont {
		cont = r.fail(fileErr(p, 0, fmt.Errorf("%w: %w", ErrNotFound, walkErr), "cannot read directory: %s", osReason(walkErr)), yield)
	}
	return cont
}

func (r *Reader) skip(path, reason string) {
	r.skipped = append(r.skipped, path+": "+reason)
	if r.opts.Notify != nil {
		r.opts.Notify(path, reason)
	}
}

func osReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func (r *Reader) file(path string, f Format, info fs.FileInfo, yield func(*article.Doc, error) bool) bool {
	if f != FormatJSONL && r.opts.MaxBytes > 0 && info.Size() > r.opts.MaxBytes {
		return r.fail(fileErr(path, 0, ErrTooLarge, "file is %d bytes, over the size cap of %d bytes", info.Size(), r.opts.MaxBytes), yield)
	}
	fh, err := os.Open(path)
	if err != nil {
		return r.fail(fileErr(path, 0, fmt.Errorf("%w: %w", ErrNotFound, err), "cannot open: %s", osReason(err)), yield)
	}
	defer fh.Close()
	if f == FormatJSONL {
		return r.jsonl(path, fh, yield)
	}
	data, err := r.readCapped(fh)
	if err != nil {
		return r.fail(fileErr(path, 0, errOf(err), "%s", reasonOf(err, r.opts.MaxBytes)), yield)
	}
	key, err := filepath.Abs(path)
	if err != nil {
		key = filepath.Clean(path)
	}
	return r.content(path, key, f, data, yield)
}

var errCap = errors.New("cap")

func errOf(err error) error {
	if errors.Is(err, errCap) {
		return ErrTooLarge
	}
	return fmt.Errorf("%w: %w", ErrNotFound, err)
}

func reasonOf(err error, max int64) string {
	if errors.Is(err, errCap) {
		return fmt.Sprintf("over the size cap of %d bytes", max)
	}
	return "cannot read: " + osReason(err)
}

// readCapped reads everything, failing with errCap beyond MaxBytes.
func (r *Reader) readCapped(rd io.Reader) ([]byte, error) {
	if r.opts.MaxBytes < 0 {
		return io.ReadAll(rd)
	}
	data, err := io.ReadAll(io.LimitReader(rd, r.opts.MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > r.opts.MaxBytes {
		return nil, errCap
	}
	return data, nil
}

func (r *Reader) stdin(yield func(*article.Doc, error) bool) bool {
	br := bufio.NewReader(r.opts.Stdin)
	// Peek past leading blanks to choose the format.
	for n := 1; ; n++ {
		b, err := br.Peek(n)
		if len(b) < n || err != nil {
			break
		}
		c := b[n-1]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			if n >= 4096 {
				break
			}
			continue
		}
		if c == '{' {
			return r.jsonl(StdinPath, br, yield)
		}
		break
	}
	data, err := r.readCapped(br)
	if err != nil {
		return r.fail(fileErr(StdinPath, 0, errOf(err), "%s", reasonOf(err, r.opts.MaxBytes)), yield)
	}
	return r.content(StdinPath, "", FormatText, data, yield)
}

// content turns the bytes of one non-jsonl document into a Doc. Its id is ContentID of
// the file stem ("stdin" for standard input) and its text; docKey ("" for stdin) names
// the document across edits (graph.Article.DocKey).
func (r *Reader) content(path, docKey string, f Format, data []byte, yield func(*article.Doc, error) bool) bool {
	if e := checkContent(path, 0, data); e != nil {
		return r.fail(e, yield)
	}
	name := stem(path)
	if path == StdinPath {
		name = StdinID
	}
	var d *article.Doc
	if f == FormatHTML {
		var e *FileError
		if d, e = fromHTML(path, "", data); e != nil {
			return r.fail(e, yield)
		}
	} else {
		d = NewDoc("", path, string(data))
	}
	d.Meta.ID = ContentID(name, d.Meta.Hash)
	d.Meta.DocKey = docKey
	return yield(d, nil)
}

// ContentID is the id of a document that brings none of its own (a file, standard input,
// a .jsonl record without id and url): its name (file stem, or "stdin"), a hyphen, and
// the first 8 hex digits of Hash of its text. The same text gives the same id wherever it
// is read from; different texts give different ids; the title and the date do not count
// (the title of a plain-text file is part of its text anyway).
func ContentID(name, hash string) string {
	if len(hash) > 8 {
		hash = hash[:8]
	}
	return name + "-" + hash
}

// URLID is the id of a .jsonl record with a url but no id: the slug of the url's last
// path segment (at most 40 characters; "article" when it has none), a hyphen, and the
// first 8 hex digits of the SHA-256 of the url (trimmed, without its #fragment).
func URLID(url string) string {
	url = strings.TrimSpace(url)
	if i := strings.IndexByte(url, '#'); i >= 0 {
		url = url[:i]
	}
	sum := sha256.Sum256([]byte(url))
	path := url
	if i := strings.IndexAny(path, "?"); i >= 0 {
		path = path[:i]
	}
	if i := strings.Index(path, "://"); i >= 0 {
		path = path[i+3:]
	}
	name := ""
	if seg := strings.Split(strings.Trim(path, "/"), "/"); len(seg) > 1 {
		name = graph.Slug(strings.TrimSuffix(seg[len(seg)-1], filepath.Ext(seg[len(seg)-1])))
	}
	if len(name) > 40 {
		name = strings.TrimRight(name[:40], "-")
	}
	if name == "" {
		name = "article"
	}
	return name + "-" + hex.EncodeToString(sum[:4])
}

// NewDoc builds a document from text, with Meta.ID, Source, Words and Hash filled.
func NewDoc(id, source, text string) *article.Doc {
	return &article.Doc{
		Meta: graph.Article{
			Kind:   graph.KindArticle,
			ID:     id,
			Source: source,
			Words:  CountWords(text),
			Hash:   Hash(text),
		},
		Text: text,
	}
}

// Hash is the first 16 hex digits of the SHA-256 of text.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// CountWords counts whitespace-separated runs that hold at least one letter or digit.
func CountWords(text string) int {
	n := 0
	in, word := false, false
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || (r >= utf8.RuneSelf && unicode.IsSpace(r)) {
			if in && word {
				n++
			}
			in, word = false, false
			continue
		}
		in = true
		if !word && (r < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			word = true
		}
	}
	if in && word {
		n++
	}
	return n
}

// stem is the file name without directory and extension.
func stem(path string) string {
	base := filepath.Base(path)
	if ext := filepath.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

// checkContent rejects empty, binary and non-UTF-8 content.
func checkContent(path string, line int, data []byte) *FileError {
	if len(data) == 0 {
		return fileErr(path, line, ErrEmpty, "empty")
	}
	ctrl, blank, nul := controls(data)
	if nul {
		return fileErr(path, line, ErrBinary, "binary content (NUL bytes)")
	}
	if ctrl > 0 && ctrl*100 > len(data) { // more than 1% control characters
		return fileErr(path, line, ErrBinary, "binary content (%d control characters in %d bytes)", ctrl, len(data))
	}
	if !utf8.Valid(data) {
		return fileErr(path, line, ErrInvalidUTF8, "invalid UTF-8 at byte %d", invalidAt(data))
	}
	if blank || len(bytes.TrimFunc(data, unicode.IsSpace)) == 0 {
		return fileErr(path, line, ErrEmpty, "empty (whitespace only)")
	}
	return nil
}

// controls counts the control characters of data (bytes under 0x20 but the blanks \n \r \t
// \f \v, and DEL), says whether every byte is a blank or a space and whether there is a NUL
// (then it stops). Eight bytes at a time where none is under 0x20 or DEL, the usual case: the
// reader checks every record and its text, about a fifth of its CPU byte by byte.
func controls(data []byte) (ctrl int, blank, nul bool) {
	blank = true
	for i := 0; i < len(data); {
		if i+8 <= len(data) {
			if x := binary.LittleEndian.Uint64(data[i:]); plainChunk(x) {
				blank = blank && x == 0x2020202020202020
				i += 8
				continue
			}
		}
		if controlByte(data[i], &ctrl, &blank) {
			return ctrl, blank, true
		}
		i++
	}
	return ctrl, blank, false
}

// plainChunk says whether none of the 8 bytes of x is under 0x20 or DEL (0x7f): bytes of 0x80
// and over count as plain (exact tests for a byte under n and for a zero byte, from "Bit
// Twiddling Hacks").
func plainChunk(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	under := (x - 0x20*ones) & ^x & highs
	del := x ^ 0x7f*ones
	return under|(del-ones)&^del&highs == 0
}

// controlByte notes one byte for controls and says whether it is NUL.
func controlByte(c byte, ctrl *int, blank *bool) bool {
	switch {
	case c == 0:
		return true
	case c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v' || c == ' ':
	case c < 0x20 || c == 0x7f:
		*ctrl++
		*blank = false
	default:
		*blank = false
	}
	return false
}

func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}
