package model

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
)

// The model file is a text header (a magic line, then "# " lines: the treebank's credit,
// the licence, the scores; then an empty line) followed by a gzip stream of the tables:
// the tag and label names, then each classifier's features in increasing key order with
// their weights quantised to int16 (one scale per classifier).

const (
	magic   = "newsgraph-syntax-model 2"
	magicV1 = "newsgraph-syntax-model 1"
)

// Write writes m with the given header lines (each written as "# line").
func (m *Model) Write(w io.Writer, header []string) error { return m.write(w, header, true) }

// write writes m in version 2 (quant) or 1.
func (m *Model) write(w io.Writer, header []string, quant bool) error {
	bw := bufio.NewWriter(w)
	if quant {
		fmt.Fprintln(bw, magic)
	} else {
		fmt.Fprintln(bw, magicV1)
	}
	for _, h := range header {
		fmt.Fprintf(bw, "# %s\n", h)
	}
	fmt.Fprintln(bw)
	zw, err := gzip.NewWriterLevel(bw, gzip.BestCompression)
	if err != nil {
		return err
	}
	e := &encoder{w: bufio.NewWriter(zw), quant: quant}
	e.strings(m.upos)
	e.strings(m.xpos)
	e.strings(m.labels.names)
	for _, l := range []*linear{m.tagger, m.tagger2, m.parser, m.labeller} {
		e.classifier(l)
	}
	e.uvarint(uint64(max(m.beam, 1)))
	e.uvarint(uint64(direction(m.reverse)))
	e.uvarint(uint64(math.Float32bits(m.weight)))
	e.uvarint(uint64(len(m.ensemble)))
	for _, p := range m.ensemble {
		e.classifier(p.parser)
		e.classifier(p.labeller)
		e.uvarint(uint64(direction(p.reverse)))
		e.uvarint(uint64(math.Float32bits(p.weight)))
	}
	if m.fast { // older files end here: the full feature sets
		e.uvarint(featuresFast)
	}
	if err := e.w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

type encoder struct {
	w     *bufio.Writer
	quant bool // version 2: one-byte weights (quant.go)
}

func (e *encoder) classifier(l *linear) {
	if e.quant {
		e.linear8(l)
	} else {
		e.linear(l)
	}
}

func (e *encoder) uvarint(v uint64) {
	var b [binary.MaxVarintLen64]byte
	e.w.Write(b[:binary.PutUvarint(b[:], v)])
}

func (e *encoder) strings(ss []string) {
	e.uvarint(uint64(len(ss)))
	for _, s := range ss {
		e.uvarint(uint64(len(s)))
		e.w.WriteString(s)
	}
}

// linear writes a classifier; a nil one is written as having no classes.
func (e *encoder) linear(l *linear) {
	if l == nil {
		e.uvarint(0)
		return
	}
	keys, rows := l.sortedRows()
	var maxAbs float64
	for _, w := range l.w {
		maxAbs = max(maxAbs, math.Abs(float64(w)))
	}
	scale := max(maxAbs/32767, 1e-9)
	e.uvarint(uint64(l.nclass))
	e.uvarint(math.Float64bits(scale))
	e.uvarint(uint64(len(keys)))
	var prev uint64
	for i, k := range keys {
		e.uvarint(k - prev)
		prev = k
		lo, hi := l.off[rows[i]], l.off[rows[i]+1]
		e.uvarint(uint64(hi - lo))
		for j := lo; j < hi; j++ {
			e.w.WriteByte(l.cls[j])
			q := int16(math.Round(float64(l.w[j]) / scale))
			e.w.WriteByte(byte(uint16(q)))
			e.w.WriteByte(byte(uint16(q) >> 8))
		}
	}
}

// Load reads a model file written by Write.
func Load(r io.Reader) (*Model, error) { return load(r, true) }

// load is Load; pack false keeps the fast model's classifiers in linear's own tables
// (for tests that compare the two).
func load(r io.Reader, pack bool) (*Model, error) {
	// The decompressor reads byte by byte: straight from a reader that has ReadByte (the
	// embedded model's bytes.Reader), which costs less than through a bufio.Reader.
	br, ok := r.(byteReader)
	if !ok {
		br = bufio.NewReader(r)
	}
	header, version, err := readHeader(br)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("syntax model: %w", err)
	}
	d := newDecoder(zr, gzipSize(r))
	d.version = version
	// The cluster table (read once per process) builds on a goroutine of its own while the
	// classifiers decode: the start of a run takes the longer of the two, not their sum.
	type tableLoad struct {
		ct  *clusterTable
		err error
	}
	clusters := make(chan tableLoad, 1)
	go func() { ct, err := defaultClusters(); clusters <- tableLoad{ct, err} }()
	m := &Model{header: header}
	m.upos, m.xpos = d.strings(), d.strings()
	m.kinds = tagKinds(m.upos)
	m.labels = newLabels(d.strings())
	m.tagger, m.tagger2, m.parser, m.labeller = d.classifier(), d.classifier(), d.classifier(), d.classifier()
	m.beam = d.optionalCount(64, 1)
	m.reverse = d.optionalCount(2, 1) == 2
	m.weight, m.ensemble = d.ensemble()
	features := d.optionalCount(featuresFast, featuresFull)
	cl := <-clusters
	if cl.err != nil {
		return nil, cl.err
	}
	m.clusters = cl.ct
	if d.err != nil {
		return nil, fmt.Errorf("syntax model: %w", d.err)
	}
	if features == featuresFastV1 {
		return nil, fmt.Errorf("syntax model: it uses the first fast feature sets, which this version no longer computes: retrain it (make model-fast)")
	}
	m.fast = features == featuresFast
	if m.fast && pack { // small tables for the fast model (packed.go); the sums are the same
		m.tagger.pack()
		m.parser.pack()
		m.labeller.pack()
	}
	return m, m.check()
}

type byteReader interface {
	io.Reader
	io.ByteReader
}

// readHeader reads the magic line and the text header; version is the file format's.
func readHeader(br byteReader) (header string, version int, err error) {
	line, err := readLine(br)
	switch strings.TrimSpace(line) {
	case magic:
		version = 2
	case magicV1:
		version = 1
	}
	if err != nil || version == 0 {
		return "", 0, errors.New("syntax model: not a newsgraph syntax model file")
	}
	var h strings.Builder
	for {
		line, err := readLine(br)
		if err != nil {
			return "", 0, fmt.Errorf("syntax model: header: %w", err)
		}
		if line == "\n" {
			return h.String(), version, nil
		}
		h.WriteString(strings.TrimPrefix(line, "# "))
	}
}

// gzipSize returns the uncompressed length that a gzip stream ending the in-memory file r
// records in its last four bytes (0 when r is not in memory).
func gzipSize(r io.Reader) int {
	br, ok := r.(*bytes.Reader)
	if !ok || br.Size() < 4 {
		return 0
	}
	var b [4]byte
	if _, err := br.ReadAt(b[:], br.Size()-4); err != nil {
		return 0
	}
	return int(binary.LittleEndian.Uint32(b[:]))
}

// readLine reads up to and including the next newline (an error when there is none).
func readLine(br io.ByteReader) (string, error) {
	var b []byte
	for {
		c, err := br.ReadByte()
		if err != nil {
			return string(b), err
		}
		b = append(b, c)
		if c == '\n' {
			return string(b), nil
		}
	}
}

// check makes sure the tables fit together, so that Parse cannot index out of range.
func (m *Model) check() error {
	switch {
	case len(m.upos) == 0 || len(m.upos) != len(m.xpos) || len(m.upos) > 256:
		return errors.New("syntax model: bad tag set")
	case len(m.labels.names) == 0 || len(m.labels.names) > 256 || m.labels.root == none:
		return errors.New("syntax model: bad label set")
	case m.tagger == nil || m.parser == nil || m.labeller == nil:
		return errors.New("syntax model: missing classifier")
	case m.tagger.nclass != len(m.upos) || m.parser.nclass != nmoves || m.labeller.nclass != len(m.labels.names):
		return errors.New("syntax model: classifier sizes do not match the tag and label sets")
	case m.tagger2 != nil && m.tagger2.nclass != len(m.upos):
		return errors.New("syntax model: second tagger size does not match the tag set")
	}
	for _, p := range m.ensemble {
		if p.parser == nil || p.labeller == nil || p.parser.nclass != nmoves || p.labeller.nclass != len(m.labels.names) {
			return errors.New("syntax model: an ensemble parser does not match the label set")
		}
	}
	return nil
}

// direction is written after the beam: 1 left to right, 2 right to left.
func direction(reverse bool) int {
	if reverse {
		return 2
	}
	return 1
}
