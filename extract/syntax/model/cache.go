package model

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
)

// The tag cache keeps the trained tagger and the jackknifed training tags between training
// runs that change only the parser (-tag-cache FILE). `make model` does not use it.

func writeTagCache(path string, m *Model, exs []*example) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := gzip.NewWriter(f)
	e := &encoder{w: bufio.NewWriter(zw)}
	e.strings(m.upos)
	e.strings(m.xpos)
	e.linear(m.tagger)
	e.linear(m.tagger2)
	e.uvarint(uint64(len(exs)))
	for _, ex := range exs {
		e.uvarint(uint64(len(ex.tags)))
		for _, t := range ex.tags {
			e.uvarint(uint64(t))
		}
	}
	if m.fast { // as in the model file: caches without it hold a full tagger
		e.uvarint(featuresFast)
	}
	if err := e.w.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// readTagCache fills m's tagger and exs' tags from path; ok is false when there is no cache.
func readTagCache(path string, m *Model, exs []*example) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, nil
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return false, err
	}
	d := newDecoder(zr, 0)
	upos, xpos := d.strings(), d.strings()
	m.tagger, m.tagger2 = d.linear(), d.linear()
	if len(upos) != len(m.upos) || len(xpos) != len(m.xpos) || d.count(1<<30) != len(exs) {
		return false, fmt.Errorf("%s: tag cache does not match the training data", path)
	}
	for _, ex := range exs {
		if d.count(1<<20) != len(ex.tags) {
			return false, fmt.Errorf("%s: tag cache does not match the training data", path)
		}
		for i := range ex.tags {
			ex.tags[i] = int32(d.count(uint64(len(m.upos) - 1)))
		}
	}
	if fast := d.optionalCount(featuresFast, featuresFull) == featuresFast; fast != m.fast {
		return false, fmt.Errorf("%s: tag cache holds a tagger of the other feature sets (fast %v, want %v)", path, fast, m.fast)
	}
	return d.err == nil, d.err
}
