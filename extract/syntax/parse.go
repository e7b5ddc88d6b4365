package syntax

import (
	"sync"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/syntax/model"
)

// Parser is the parse stage: it splits each sentence's tokens into UD words and fills
// their tags, lemmas and dependency tree from a model. It is safe for concurrent use; the
// model is shared, the scratch space is per call.
type Parser struct {
	m    *model.Model
	pool sync.Pool // *scratch
}

type scratch struct {
	forms []string
	tree  model.Tree
}

// New returns a Parser that uses m (model.Default() for the embedded model).
func New(m *model.Model) *Parser {
	return &Parser{m: m, pool: sync.Pool{New: func() any { return &scratch{} }}}
}

// Parse fills Words of every sentence of d (which the segmenter filled), sets each
// token's Word and its Tag (the XPOS of its word). The words of all sentences share one
// array.
func (p *Parser) Parse(d *article.Doc) {
	n := 0
	for i := range d.Sentences {
		n += len(d.Sentences[i].Tokens)
	}
	all := make([]article.Word, 0, n+n/16+1)
	sc := p.pool.Get().(*scratch)
	defer p.pool.Put(sc)
	for i := range d.Sentences {
		s := &d.Sentences[i]
		from := len(all)
		all = Words(d.Text, s.Tokens, all)
		s.Words = all[from:len(all):len(all)]
		p.parse(s, sc)
	}
}

// parse tags and parses one sentence whose Words are split.
func (p *Parser) parse(s *article.Sentence, sc *scratch) {
	sc.forms = sc.forms[:0]
	for i := range s.Words {
		sc.forms = append(sc.forms, s.Words[i].Form)
	}
	p.m.ParseInto(sc.forms, &sc.tree)
	t := &sc.tree
	for i := range s.Words {
		w := &s.Words[i]
		w.UPOS, w.XPOS, w.Lemma, w.Deprel = t.UPOS[i], t.XPOS[i], t.Lemma[i], t.Deprel[i]
		w.Head = t.Head[i] - 1
		if w.Head < -1 || w.Head >= len(s.Words) {
			w.Head = -1 // a model bug must not make later stages index out of range
		}
	}
	linkTokens(s)
}

// linkTokens sets each token's Word: the token's word whose head lies outside the token
// (the first such one, or the token's first word), and its Tag.
func linkTokens(s *article.Sentence) {
	for j := 0; j < len(s.Words); {
		k := j // s.Words[j:k] are the words of token s.Words[j].Token (and of tokens it joins)
		for k < len(s.Words) && s.Words[k].Token == s.Words[j].Token {
			k++
		}
		main := j
		for i := j; i < k; i++ {
			if h := s.Words[i].Head; h < j || h >= k {
				main = i
				break
			}
		}
		for t := s.Words[j].Token; t < len(s.Tokens) && s.Tokens[t].Start < s.Words[k-1].End; t++ {
			s.Tokens[t].Word = main
			s.Tokens[t].Tag = s.Words[main].XPOS
		}
		j = k
	}
}
