package dateparser

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/english.tsv
var englishTSV string

type wordClass uint8

const (
	unknown wordClass = iota
	monthWord
	weekdayWord
	skipWord
	ampmWord
	clockWord
	ordinalWord
	hoursWord
	tzWord
)

var classNames = map[string]wordClass{
	"month": monthWord, "weekday": weekdayWord, "skip": skipWord, "ampm": ampmWord,
	"clock": clockWord, "ordinal": ordinalWord, "hours": hoursWord, "tz": tzWord,
}

type wordInfo struct {
	class wordClass
	value string
	n     int // month number, clock hour
}

// englishWords is read on first use, never in package init.
var englishWords = sync.OnceValues(func() (map[string]wordInfo, error) {
	return parseWords(englishTSV)
})

func parseWords(tsv string) (map[string]wordInfo, error) {
	words := map[string]wordInfo{}
	sc := bufio.NewScanner(strings.NewReader(tsv))
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("english.tsv:%d: want 3 tab-separated fields, got %d", line, len(f))
		}
		c, ok := classNames[f[1]]
		if !ok {
			return nil, fmt.Errorf("english.tsv:%d: unknown class %q", line, f[1])
		}
		w := wordInfo{class: c, value: f[2]}
		if c == monthWord || c == clockWord {
			n, err := strconv.Atoi(f[2])
			if err != nil {
				return nil, fmt.Errorf("english.tsv:%d: %q is not a number", line, f[2])
			}
			w.n = n
		}
		if _, dup := words[f[0]]; dup {
			return nil, fmt.Errorf("english.tsv:%d: %q listed twice", line, f[0])
		}
		words[f[0]] = w
	}
	return words, sc.Err()
}
