package extract

import (
	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/extract/syntax"
)

// Memory: the sentences of an article (tokens, UD words and their tree) are by far the
// largest thing the per-article stages leave behind, and only relate reads them; Global,
// Endpoints, PersonRoles, validation and the output need the mentions, events and ids.
// Every article is held from its local stages until Global has seen them all, so holding
// its sentences made extract's memory grow with the corpus (about 70 KB an article). So
// once an article's local stages are done its sentences are dropped and only the parse
// is kept, compact (syntax.Save, about 32 bytes a word); relate gets them back one article
// at a time (segmenting again, which is cheap and deterministic, and restoring the parse,
// which is not re-run) and they are dropped again after. No stage after the parser writes
// into the sentences, so relate sees what it would have seen: the output is byte-identical.

// shelve drops d's sentences once its local stages are done, keeping its parse compact.
func (p *Pipeline) shelve(d *article.Doc) {
	if p.opts.KeepSentences {
		return
	}
	var s *syntax.Saved
	if p.syn != nil {
		s = syntax.Save(d)
	}
	p.shelf.Store(d, s)
	d.Sentences = nil
}

// unshelve gives d its sentences back (a no-op when they were not dropped).
func (p *Pipeline) unshelve(d *article.Doc) {
	v, ok := p.shelf.Load(d)
	if !ok || d.Sentences != nil {
		return
	}
	p.seg.Segment(d)
	if s := v.(*syntax.Saved); s != nil {
		syntax.Restore(d, s)
	}
}

// reshelve drops d's sentences again once relate is done with them.
func (p *Pipeline) reshelve(d *article.Doc) {
	if _, ok := p.shelf.Load(d); ok {
		d.Sentences = nil
	}
}

// forget removes the compact parses of results once the document is assembled.
func (p *Pipeline) forget(results []*resolve.Result) {
	for _, r := range results {
		p.shelf.Delete(r.Doc)
	}
}
