package read

import (
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/newsgraph/newsgraph/extract/article"
)

// Remote reads one http(s):// argument: an article URL or a feed URL (extract/fetch
// provides it). Errors it yields name the URL that failed; a *FileError is kept as is,
// anything else becomes one naming the argument.
type Remote func(url string) iter.Seq2[*article.Doc, error]

// IsURL reports whether a path argument is an http:// or https:// URL.
func IsURL(p string) bool {
	l := strings.ToLower(p)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// remote yields the documents of one URL argument through Options.Remote.
func (r *Reader) remote(u string, yield func(*article.Doc, error) bool) bool {
	for d, err := range r.opts.Remote(u) {
		if err == nil {
			if !yield(d, nil) {
				return false
			}
			continue
		}
		var fe *FileError
		if !errors.As(err, &fe) {
			fe = fileErr(u, 0, fmt.Errorf("%w: %w", ErrNotFound, err), "%s", err.Error())
		}
		if !r.fail(fe, yield) {
			return false
		}
	}
	return true
}

// Fetched builds the document of fetched content: an HTML page through the same
// main-text, title and date extraction as an .html file, anything else as plain text.
// data must be UTF-8 already. id is the article id and source where it was fetched from.
func Fetched(source, id string, html bool, data []byte) (*article.Doc, *FileError) {
	if e := checkContent(source, 0, data); e != nil {
		return nil, e
	}
	if !html {
		return NewDoc(id, source, string(data)), nil
	}
	d, e := fromHTML(source, id, data)
	if e != nil {
		return nil, e
	}
	d.Meta.ID, d.Meta.Source = id, source
	return d, nil
}
