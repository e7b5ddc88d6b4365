package extract

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/internal/strcache"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/graph"
)

// The records of the temporary file (spill.go) in a binary form written by hand: each field
// in a fixed order, integers as varints, strings and lists after their length. It replaces
// encoding/gob, which sent its type descriptors with every record (one encoder per record,
// so that records can be read in any order) and compiled a decoder for each on reading:
// about a tenth of the CPU of `extract --parser fast` (docs/performance.md, The pipeline
// around the fast parser). The bytes are for this process only (the parse's label ids are
// the process's own), read back by the same binary.
//
// An empty list or map reads back as nil, as it did through gob, so the stages after the
// temporary file see what they saw before (heavyPart.NoBlocks keeps the one difference
// that matters). TestSpillCodecEveryField fails when a field of these types is not written.

// errSpillRecord says a record of the temporary file could not be read back.
var errSpillRecord = errors.New("bad record in the temporary file")

// spillEnc appends the fields of a record to b.
type spillEnc struct{ b []byte }

func (e *spillEnc) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *spillEnc) int(v int)     { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *spillEnc) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *spillEnc) raw(b []byte)  { e.uint(uint64(len(b))); e.b = append(e.b, b...) }

func (e *spillEnc) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *spillEnc) strs(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *spillEnc) spans(ss []article.Span) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.int(s.Start)
		e.int(s.End)
	}
}

// spillDec reads the fields of a record in the order spillEnc wrote them. The first
// problem is kept in err; after it every read gives the zero value. With strs, its short
// strings come from that cache (strcache).
type spillDec struct {
	b    []byte
	err  error
	strs *strcache.Cache
}

func (d *spillDec) fail() {
	if d.err == nil {
		d.err = errSpillRecord
	}
	d.b = nil
}

func (d *spillDec) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *spillDec) int() int {
	v, n := binary.Varint(d.b)
	if n <= 0 || v < math.MinInt || v > math.MaxInt {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *spillDec) bool() bool {
	if len(d.b) == 0 || d.b[0] > 1 {
		d.fail()
		return false
	}
	v := d.b[0] == 1
	d.b = d.b[1:]
	return v
}

// count reads the length of a list whose items take at least min bytes each.
func (d *spillDec) count(min int) int {
	n := d.uint()
	if n > uint64(len(d.b)/min) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *spillDec) bytes() []byte {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

func (d *spillDec) str() string {
	b := d.bytes()
	switch {
	case len(b) == 0:
		return ""
	case d.strs != nil:
		return d.strs.String(b)
	}
	return string(b)
}

func (d *spillDec) strList() []string {
	n := d.count(1)
	if n == 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

func (d *spillDec) spans() []article.Span {
	n := d.count(2)
	if n == 0 {
		return nil
	}
	ss := make([]article.Span, n)
	for i := range ss {
		ss[i] = article.Span{Start: d.int(), End: d.int()}
	}
	return ss
}

// end is the error of a whole record: a problem on the way, or bytes left after it.
func (d *spillDec) end() error {
	if d.err == nil && len(d.b) > 0 {
		d.err = errSpillRecord
	}
	return d.err
}

func (e *spillEnc) meta(a *graph.Article) {
	for _, s := range []string{a.Kind, a.ID, a.Source, a.Title, a.URL, a.Published, a.PublishedSource} {
		e.str(s)
	}
	e.int(a.Words)
	for _, s := range []string{a.Hash, a.DocKey, a.ETag, a.LastModified} {
		e.str(s)
	}
	e.int(a.Line)
}

func (d *spillDec) meta(a *graph.Article) {
	a.Kind, a.ID, a.Source, a.Title, a.URL = d.str(), d.str(), d.str(), d.str(), d.str()
	a.Published, a.PublishedSource = d.str(), d.str()
	a.Words = d.int()
	a.Hash, a.DocKey, a.ETag, a.LastModified = d.str(), d.str(), d.str(), d.str()
	a.Line = d.int()
}

func (e *spillEnc) mention(m *article.Mention) {
	e.int(m.Start)
	e.int(m.End)
	e.int(m.Sentence)
	for _, s := range []string{m.Text, m.Name, string(m.Label), string(m.Kind), m.Role, m.RoleOrg, m.RoleOrgName, m.StandsForName} {
		e.str(s)
	}
	e.bool(m.Modifier)
	e.bool(m.Former)
	e.int(m.TitleStart)
	e.str(m.StandsFor)
	e.bool(m.Group)
	for _, s := range []string{m.Entity, m.Why, m.Sector, m.Country} {
		e.str(s)
	}
}

func (d *spillDec) mention(m *article.Mention) {
	m.Start, m.End, m.Sentence = d.int(), d.int(), d.int()
	m.Text, m.Name, m.Label, m.Kind = d.str(), d.str(), labelOf(d.bytes()), kindOf(d.bytes())
	m.Role, m.RoleOrg, m.RoleOrgName, m.StandsForName = d.str(), d.str(), d.str(), d.str()
	m.Modifier, m.Former = d.bool(), d.bool()
	m.TitleStart = d.int()
	m.StandsFor = d.str()
	m.Group = d.bool()
	m.Entity, m.Why, m.Sector, m.Country = d.str(), d.str(), d.str(), d.str()
}

// labelOf and kindOf give the constants of the closed sets, not a copy per mention.
func labelOf(b []byte) graph.Label {
	for _, l := range graph.AllLabels {
		if string(l) == string(b) {
			return l
		}
	}
	return graph.Label(b)
}

func kindOf(b []byte) article.Kind {
	for _, k := range []article.Kind{article.KindName, article.KindDemonym, article.KindRole, article.KindPronoun} {
		if string(k) == string(b) {
			return k
		}
	}
	return article.Kind(b)
}

func (e *spillEnc) event(v *article.Event) {
	e.int(v.Start)
	e.int(v.End)
	e.int(v.Sentence)
	for _, s := range []string{v.Kind, v.Name, v.Surface, v.Qualifier, v.Place, v.PlaceName} {
		e.str(s)
	}
	e.spans(v.Participants)
	e.bool(v.Anaphor)
}

func (d *spillDec) event(v *article.Event) {
	v.Start, v.End, v.Sentence = d.int(), d.int(), d.int()
	v.Kind, v.Name, v.Surface, v.Qualifier, v.Place, v.PlaceName = d.str(), d.str(), d.str(), d.str(), d.str(), d.str()
	v.Participants = d.spans()
	v.Anaphor = d.bool()
}

// doc writes what the temporary file keeps of an article's Doc: its record, mentions and
// event phrases (the text, blocks and sentences go to the heavy part; what the cleaner
// dropped is not kept).
func (e *spillEnc) doc(doc *article.Doc) {
	e.meta(&doc.Meta)
	e.uint(uint64(len(doc.Mentions)))
	for i := range doc.Mentions {
		e.mention(&doc.Mentions[i])
	}
	e.uint(uint64(len(doc.Events)))
	for i := range doc.Events {
		e.event(&doc.Events[i])
	}
}

func (d *spillDec) doc(doc *article.Doc) {
	d.meta(&doc.Meta)
	if n := d.count(20); n > 0 {
		doc.Mentions = make([]article.Mention, n)
		for i := range doc.Mentions {
			d.mention(&doc.Mentions[i])
		}
	}
	if n := d.count(11); n > 0 {
		doc.Events = make([]article.Event, n)
		for i := range doc.Events {
			d.event(&doc.Events[i])
		}
	}
}

// portable writes an article's resolve result, its Doc as doc writes it.
func (e *spillEnc) portable(p *resolve.Portable) {
	e.doc(p.Doc)
	e.uint(uint64(len(p.Merges)))
	for _, m := range p.Merges {
		for _, s := range []string{m.Article, m.Mention, m.Entity, m.Reason} {
			e.str(s)
		}
	}
	e.uint(uint64(len(p.Events)))
	for _, v := range p.Events {
		for _, s := range []string{v.ID, v.Name, v.Kind, v.Place, v.PlaceName} {
			e.str(s)
		}
		e.strs(v.Aliases)
		e.strs(v.Participants)
	}
	e.aliases(p.Aliases)
	e.uint(uint64(len(p.RoleAliases)))
	for _, ra := range p.RoleAliases {
		e.int(ra.Mention)
		e.str(ra.Phrase)
	}
}

func (d *spillDec) portable(p *resolve.Portable) {
	p.Doc = &article.Doc{}
	d.doc(p.Doc)
	if n := d.count(4); n > 0 {
		p.Merges = make([]resolve.Merge, n)
		for i := range p.Merges {
			p.Merges[i] = resolve.Merge{Article: d.str(), Mention: d.str(), Entity: d.str(), Reason: d.str()}
		}
	}
	if n := d.count(7); n > 0 {
		p.Events = make([]resolve.EventInfo, n)
		for i := range p.Events {
			v := &p.Events[i]
			v.ID, v.Name, v.Kind, v.Place, v.PlaceName = d.str(), d.str(), d.str(), d.str(), d.str()
			v.Aliases, v.Participants = d.strList(), d.strList()
		}
	}
	p.Aliases = d.aliases()
	if n := d.count(2); n > 0 {
		p.RoleAliases = make([]resolve.PortableRoleAlias, n)
		for i := range p.RoleAliases {
			p.RoleAliases[i] = resolve.PortableRoleAlias{Mention: d.int(), Phrase: d.str()}
		}
	}
}

// aliases writes a map in an order of its own (the reader makes the map again).
func (e *spillEnc) aliases(m map[string][]string) {
	e.uint(uint64(len(m)))
	for k, v := range m {
		e.str(k)
		e.strs(v)
	}
}

func (d *spillDec) aliases() map[string][]string {
	n := d.count(2)
	if n == 0 {
		return nil
	}
	m := make(map[string][]string, n)
	for i := 0; i < n && d.err == nil; i++ {
		k := d.str()
		m[k] = d.strList()
	}
	return m
}

// heavy writes what only relate needs: the text, the blocks and the parse.
func (e *spillEnc) heavy(h *heavyPart) error {
	e.str(h.Text)
	e.spans(h.Blocks)
	e.bool(h.NoBlocks)
	e.sentences(h.Sentences)
	e.bool(h.Parse != nil)
	if h.Parse != nil {
		b, err := h.Parse.MarshalBinary()
		if err != nil {
			return err
		}
		e.raw(b)
	}
	return nil
}

func (d *spillDec) heavy(h *heavyPart) {
	h.Text = d.str()
	h.Blocks = d.spans()
	h.NoBlocks = d.bool()
	h.Sentences = d.sentences(h.Text)
	if d.bool() {
		h.Parse = &syntax.Saved{}
		if err := h.Parse.UnmarshalBinary(d.bytes()); err != nil && d.err == nil {
			d.err = fmt.Errorf("%w: %w", errSpillRecord, err)
		}
	}
}

// sentences writes the spans of the sentences and of their tokens, each from the end of
// the one before.
func (e *spillEnc) sentences(ss []article.Sentence) {
	e.uint(uint64(len(ss)))
	prev := 0
	for i := range ss {
		s := &ss[i]
		e.int(s.Start - prev)
		e.int(s.End - s.Start)
		e.uint(uint64(len(s.Tokens)))
		p := s.Start
		for _, t := range s.Tokens {
			e.int(t.Start - p)
			e.int(t.End - t.Start)
			p = t.End
		}
		prev = s.End
	}
}

// sentences reads what spillEnc.sentences wrote as the segmenter makes them: the tokens in
// one array, each sentence's a part of it with no room to grow, each token's Text the text
// at its span. A span outside text is a damaged record.
func (d *spillDec) sentences(text string) []article.Sentence {
	n := d.count(3)
	if n == 0 {
		return nil
	}
	ss := make([]article.Sentence, n)
	all := make([]article.Token, 0, min(len(text)/5+16, len(d.b)/2))
	prev := 0
	for i := range ss {
		s := &ss[i]
		s.Start = prev + d.int()
		s.End = s.Start + d.int()
		k := d.count(2)
		if !within(s.Span, text) {
			d.fail()
			return nil
		}
		from, p := len(all), s.Start
		for range k {
			t := article.Token{Span: article.Span{Start: p + d.int()}}
			t.End = t.Start + d.int()
			if !within(t.Span, text) {
				d.fail()
				return nil
			}
			t.Text = text[t.Start:t.End]
			all = append(all, t)
			p = t.End
		}
		s.Tokens = all[from:len(all):len(all)]
		prev = s.End
	}
	return ss
}

// within reports whether sp is a span of text.
func within(sp article.Span, text string) bool {
	return 0 <= sp.Start && sp.Start <= sp.End && sp.End <= len(text)
}

// A frame is a record's length as 4 bytes (little-endian), then its bytes: the length is
// written once the record is, in the room left for it (beginFrame, endFrame).
const frameHead = 4

// beginFrame leaves room for a frame's length at the end of b; endFrame fills it in.
func beginFrame(b []byte) ([]byte, int) { return append(b, 0, 0, 0, 0), len(b) }

func endFrame(b []byte, at int) []byte {
	binary.LittleEndian.PutUint32(b[at:], uint32(len(b)-at-frameHead))
	return b
}

// nextFrame splits the first frame off b.
func nextFrame(b []byte) (frame, rest []byte, err error) {
	if len(b) < frameHead {
		return nil, nil, errSpillRecord
	}
	n := binary.LittleEndian.Uint32(b)
	if uint64(n) > uint64(len(b)-frameHead) {
		return nil, nil, errSpillRecord
	}
	return b[frameHead : frameHead+n], b[frameHead+n:], nil
}

// encodeSpilled gives the record of an article for the file of arrivals: its resolve
// result, its heavy part and its article record, each a frame, so that the sort copies
// them to their streams without reading them.
func encodeSpilled(p *resolve.Portable, h *heavyPart) ([]byte, error) {
	buf := getBuf()
	rec := spillEnc{b: *buf}
	if need := 3*frameHead + 4*len(h.Text) + 1024; cap(rec.b) < need { // a record takes about 3.6 times its text
		rec.b = make([]byte, 0, need)
	}
	defer func() { *buf = rec.b; putBuf(buf) }() // the grown buffer is the one put back
	var at int
	rec.b, at = beginFrame(rec.b)
	rec.portable(p)
	rec.b, at = beginFrame(endFrame(rec.b, at))
	if err := rec.heavy(h); err != nil {
		return nil, err
	}
	rec.b, at = beginFrame(endFrame(rec.b, at))
	rec.meta(&p.Doc.Meta)
	rec.b = endFrame(rec.b, at)
	return bytes.Clone(rec.b), nil // the record alone, the buffer reused
}

// splitSpilled gives the three parts of a record encodeSpilled made.
func splitSpilled(rec []byte) (res, heavy, meta []byte, err error) {
	parts := [3][]byte{}
	for i := range parts {
		if parts[i], rec, err = nextFrame(rec); err != nil {
			return nil, nil, nil, err
		}
	}
	if len(rec) > 0 {
		return nil, nil, nil, errSpillRecord
	}
	return parts[0], parts[1], parts[2], nil
}

func decodePortable(b []byte) (*resolve.Portable, error) {
	c := strcache.Get()
	defer strcache.Put(c)
	d := spillDec{b: b, strs: c}
	p := &resolve.Portable{}
	d.portable(p)
	return p, d.end()
}

func decodeHeavy(b []byte) (*heavyPart, error) {
	d := spillDec{b: b}
	h := &heavyPart{}
	d.heavy(h)
	return h, d.end()
}

func decodeMeta(b []byte, a *graph.Article) error {
	d := spillDec{b: b}
	d.meta(a)
	return d.end()
}
