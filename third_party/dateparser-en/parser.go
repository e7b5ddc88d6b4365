// Package dateparser is newsgraph's small stand-in for github.com/markusmobius/go-dateparser,
// wired in with a replace directive in newsgraph's go.mod. go-htmldate calls the upstream
// package only through Parser.Parse with the CustomFormat and AbsoluteTime parsers; upstream
// builds the date data of 200+ languages in package init (about 95 MB and 0.35 s at every
// start of every program that links it), so this package keeps that API and parses English
// and numeric absolute dates only, with its word table read on first use. See README.md for
// what is lost.
package dateparser

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/markusmobius/go-dateparser/date"
)

// ParserType identifies a parsing strategy; the names are upstream's.
type ParserType uint8

// Parser types. Only CustomFormat and AbsoluteTime are implemented: Parse rejects the others.
const (
	Timestamp ParserType = iota
	NegativeTimestamp
	RelativeTime
	CustomFormat
	AbsoluteTime
	NoSpacesTime
)

// ErrUnsupported is returned for a parser type this package does not implement.
var ErrUnsupported = errors.New("parser type not supported by newsgraph's English date parser")

// Parser parses dates. The zero value uses CustomFormat then AbsoluteTime. It is safe for
// concurrent use.
type Parser struct {
	// ParserTypes selects the parsers and their order.
	ParserTypes []ParserType
}

// Parse reads an absolute date such as "6 March 2025", "Thu, Mar 6th, 2025 10:15 a.m. EST",
// "2025-03-06" or "06/03/2025" (in the configured order). formats are Go time layouts tried
// first on the whole string when CustomFormat is selected. A nil configuration uses the
// defaults.
func (p *Parser) Parse(cfg *Configuration, str string, formats ...string) (date.Date, error) {
	if cfg == nil {
		cfg = &Configuration{}
	}
	types := p.ParserTypes
	if len(types) == 0 {
		types = []ParserType{CustomFormat, AbsoluteTime}
	}
	for _, t := range types {
		if t != CustomFormat && t != AbsoluteTime {
			return date.Date{}, fmt.Errorf("%w: %d", ErrUnsupported, t)
		}
	}
	order, err := cfg.order()
	if err != nil {
		return date.Date{}, err
	}
	for _, t := range types {
		var d date.Date
		switch t {
		case CustomFormat:
			d = parseFormats(cfg, strings.TrimSpace(str), formats)
		case AbsoluteTime:
			d = parseAbsolute(cfg, order, str)
		}
		if !d.IsZero() {
			return d, nil
		}
	}
	return date.Date{}, fmt.Errorf("failed to parse %q: unknown format", str)
}

func parseFormats(cfg *Configuration, s string, formats []string) date.Date {
	for _, f := range formats {
		if t, err := time.ParseInLocation(f, s, cfg.location()); err == nil {
			return date.Date{Locale: "en", Period: date.Day, Time: t}
		}
	}
	return date.Date{}
}
