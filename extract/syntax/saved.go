package syntax

import (
	"maps"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/newsgraph/newsgraph/extract/article"
)

// Saved is the parse of one article kept compact (about 32 bytes a word instead of the
// words, tokens and sentences of the Doc, some 200), so that a pipeline holding every
// article until the cross-article stages are done need not hold their sentences: Restore
// makes them again, as Parse left them, from the segmenter's tokens and this.
type Saved struct {
	words [][]savedWord // by sentence
}

type savedWord struct {
	lemma              string
	head               int32
	upos, xpos, deprel uint16 // indices in labels
}

// labels interns the tag and relation names (a few hundred at most) for every Saved. Every
// parsed word looks up three of them, on every worker at once, so readers take no lock: they
// load the current table, which is never changed once stored. A new name (a few dozen in a
// process's life) stores a copy with it added, under labelsMu.
var (
	labels   atomic.Pointer[labelTable]
	labelsMu sync.Mutex
)

type labelTable struct {
	id   map[string]uint16
	name []string
}

func init() { labels.Store(&labelTable{id: map[string]uint16{}}) }

func labelID(s string) uint16 {
	if id, ok := labels.Load().id[s]; ok {
		return id
	}
	labelsMu.Lock()
	defer labelsMu.Unlock()
	t := labels.Load()
	if id, ok := t.id[s]; ok {
		return id
	}
	if len(t.name) == 1<<16-1 {
		panic("syntax: more than 65535 distinct tags and relations")
	}
	id := uint16(len(t.name))
	next := &labelTable{id: maps.Clone(t.id), name: append(slices.Clip(t.name), s)}
	next.id[s] = id
	labels.Store(next)
	return id
}

func labelName(id uint16) string { return labels.Load().name[id] }

// Save keeps what the model gave for every word of d's sentences (after Parse).
func Save(d *article.Doc) *Saved {
	s := &Saved{words: make([][]savedWord, len(d.Sentences))}
	for i := range d.Sentences {
		ws := d.Sentences[i].Words
		out := make([]savedWord, len(ws))
		for j := range ws {
			w := &ws[j]
			out[j] = savedWord{lemma: w.Lemma, head: int32(w.Head),
				upos: labelID(w.UPOS), xpos: labelID(w.XPOS), deprel: labelID(w.Deprel)}
		}
		s.words[i] = out
	}
	return s
}

// Restore fills the Words of d's sentences and the Word and Tag of their tokens as Parse
// did, from s. d's sentences must be those Save saw: the segmenter's, made again on the
// same text and blocks (it is deterministic).
func Restore(d *article.Doc, s *Saved) {
	if len(d.Sentences) != len(s.words) {
		panic("syntax: Restore on sentences other than those saved")
	}
	n := 0
	for i := range d.Sentences {
		n += len(d.Sentences[i].Tokens)
	}
	all := make([]article.Word, 0, n+n/16+1)
	for i := range d.Sentences {
		sn := &d.Sentences[i]
		from := len(all)
		all = Words(d.Text, sn.Tokens, all)
		sn.Words = all[from:len(all):len(all)]
		if len(sn.Words) != len(s.words[i]) {
			panic("syntax: Restore on sentences other than those saved")
		}
		for j := range sn.Words {
			w, sw := &sn.Words[j], &s.words[i][j]
			w.UPOS, w.XPOS, w.Lemma, w.Deprel = labelName(sw.upos), labelName(sw.xpos), sw.lemma, labelName(sw.deprel)
			w.Head = int(sw.head)
		}
		linkTokens(sn)
	}
}
