package read

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract/article"
)

// record is one .jsonl line. Unknown fields are ignored.
type record struct {
	ID        json.RawMessage `json:"id"`
	Title     string          `json:"title"`
	URL       string          `json:"url"`
	Published string          `json:"published"`
	Text      *string         `json:"text"`
}

// jsonl streams one document per line. Blank lines are skipped; a bad line is reported as
// path:line and the next line is read.
func (r *Reader) jsonl(path string, rd io.Reader, yield func(*article.Doc, error) bool) bool {
	br := bufio.NewReaderSize(rd, 64<<10)
	if head, _ := br.Peek(8 << 10); bytes.IndexByte(head, 0) >= 0 {
		return r.fail(fileErr(path, 0, ErrBinary, "binary content (NUL bytes)"), yield)
	}
	for n := 1; ; n++ {
		line, over, err := readLine(br, r.opts.MaxBytes)
		if err != nil && err != io.EOF {
			return r.fail(fileErr(path, n, fmt.Errorf("%w: %w", ErrNotFound, err), "cannot read: %v", err), yield)
		}
		if over {
			if !r.fail(fileErr(path, n, ErrTooLarge, "record over the size cap of %d bytes", r.opts.MaxBytes), yield) {
				return false
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			d, e := r.parseRecord(path, n, line)
			if e != nil {
				if !r.fail(e, yield) {
					return false
				}
			} else if !yield(d, nil) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
	}
}

// readLine reads one line without its end of line. Beyond max bytes (max > 0) the rest of
// the line is discarded and over is true. err is io.EOF on the last line.
func readLine(br *bufio.Reader, max int64) (line []byte, over bool, err error) {
	for {
		chunk, e := br.ReadSlice('\n')
		if !over {
			if max > 0 && int64(len(line)+len(chunk)) > max+2 { // +2: room for the line end
				over, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		if !over {
			line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
			if max > 0 && int64(len(line)) > max {
				over, line = true, nil
			}
		}
		return line, over, e
	}
}

func (r *Reader) parseRecord(path string, n int, line []byte) (*article.Doc, *FileError) {
	if e := checkContent(path, n, line); e != nil {
		return nil, e
	}
	var rec record
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&rec); err != nil {
		return nil, fileErr(path, n, fmt.Errorf("%w: %w", ErrMalformed, err), "malformed record: %s", jsonReason(err))
	}
	if dec.More() {
		return nil, fileErr(path, n, ErrMalformed, "malformed record: data after the JSON object")
	}
	id, err := recordID(rec.ID)
	if err != nil {
		return nil, fileErr(path, n, fmt.Errorf("%w: %w", ErrMalformed, err), "malformed record: %v", err)
	}
	if rec.Text == nil {
		return nil, fileErr(path, n, ErrMalformed, "malformed record: no \"text\" field")
	}
	if e := checkContent(path, n, []byte(*rec.Text)); e != nil {
		e.Reason = "text: " + e.Reason
		return nil, e
	}
	d := NewDoc(id, path, *rec.Text)
	switch {
	case id != "":
	case strings.TrimSpace(rec.URL) != "":
		d.Meta.ID = URLID(rec.URL)
	default:
		d.Meta.ID = ContentID(stem(path), d.Meta.Hash)
	}
	d.Meta.Line = n
	d.Meta.Title = strings.Join(strings.Fields(rec.Title), " ")
	d.Meta.URL = strings.TrimSpace(rec.URL)
	if p := NormalizeDate(rec.Published); p != "" {
		d.Meta.Published, d.Meta.PublishedSource = p, SourceMetadata
	}
	return d, nil
}

func jsonReason(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return fmt.Sprintf("field %q: want %s, got %s", te.Field, te.Type, te.Value)
		}
		return fmt.Sprintf("want a JSON object, got %s", te.Value)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "truncated JSON"
	}
	return err.Error()
}

// recordID accepts a string or an integer id.
func recordID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", err
		}
		return strings.TrimSpace(s), nil
	}
	if _, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
		return string(raw), nil
	}
	return "", fmt.Errorf("field \"id\": want a string or an integer, got %s", truncate(string(raw), 20))
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

var isoPrefix = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`)

var dateLayouts = []string{
	time.RFC3339, time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC,
	"2006/01/02", "20060102",
	"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "2 January 2006", "02 January 2006", "2 Jan 2006",
	"Monday, January 2, 2006", "Mon, 2 Jan 2006",
}

// NormalizeDate turns a metadata date into YYYY-MM-DD, or "" when it is not a full,
// valid date.
func NormalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if m := isoPrefix.FindStringSubmatch(s); m != nil {
		if t, err := time.Parse("2006-01-02", m[0]); err == nil {
			return t.Format("2006-01-02")
		}
		return ""
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}
