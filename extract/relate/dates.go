package relate

import (
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// Calendar words of data/words.tsv: month names and abbreviations, weekdays, day words
// ("yesterday") with their offset, and the words that step a date ("last", "next").
var (
	months    = numbered[time.Month]("month")
	weekdays  = numbered[time.Weekday]("weekday")
	dayWords  = numbered[int]("dayword")
	dateSteps = class("datestep")
)

// numbered reads the integer values of a word class.
func numbered[T ~int](name string) map[string]T {
	out := map[string]T{}
	for w, v := range classValues(name) {
		n, err := strconv.Atoi(v)
		if err != nil {
			continue // parseWords checks the numbers (TestWordTable)
		}
		out[w] = T(n)
	}
	return out
}

// dateExpr is one time expression of a sentence, normalised against the article's date.
type dateExpr struct {
	ti, tj int // token range
	date   string
	prec   string
	phrase string
}

// Dates finds time expressions in tokens and normalises them against pub (the article's
// publication date). future says whether the clause speaks of the future (tense, modality):
// it decides "on Friday" and "in June" between the last and the next one.
func Dates(toks []string, pub time.Time, future bool) []dateExpr {
	var out []dateExpr
	lower := make([]string, len(toks))
	for i, t := range toks {
		lower[i] = strings.ToLower(t)
	}
	num := func(s string) (int, bool) {
		if s == "" || (s[0] < '0' || s[0] > '9') && s[0] != '+' && s[0] != '-' {
			return 0, false // what Atoi refuses, without making its error
		}
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, "th"), "st"), "nd"), "rd"))
		return n, err == nil
	}
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	for i := 0; i < len(lower); i++ {
		w := lower[i]
		off, isDay := dayWords[w]
		switch {
		case isDay:
			out = append(out, dateExpr{i, i + 1, day(pub.AddDate(0, 0, off)), graph.PrecisionDay, toks[i]})
		case dateSteps[w] && i+1 < len(lower):
			j := i + 1
			if (w == "earlier" || w == "later") && lower[j] == "this" && j+1 < len(lower) {
				j++
			}
			unit := lower[j]
			sign := 0
			switch w {
			case "last":
				sign = -1
			case "next":
				sign = 1
			}
			switch unit {
			case "week":
				t := pub.AddDate(0, 0, 7*sign)
				out = append(out, dateExpr{i, j + 1, day(mondayOf(t)), graph.PrecisionWeek, strings.Join(toks[i:j+1], " ")})
			case "month":
				t := time.Date(pub.Year(), pub.Month()+time.Month(sign), 1, 0, 0, 0, 0, time.UTC)
				out = append(out, dateExpr{i, j + 1, t.Format("2006-01"), graph.PrecisionMonth, strings.Join(toks[i:j+1], " ")})
			case "year":
				out = append(out, dateExpr{i, j + 1, strconv.Itoa(pub.Year() + sign), graph.PrecisionYear, strings.Join(toks[i:j+1], " ")})
			default:
				if wd, ok := weekdays[unit]; ok && (w == "last" || w == "next") {
					t := nearestWeekday(pub, wd, w == "next")
					out = append(out, dateExpr{i, j + 1, day(t), graph.PrecisionDay, strings.Join(toks[i:j+1], " ")})
				}
			}
			i = j
		case hasWeekday(w):
			wd := weekdays[w]
			out = append(out, dateExpr{i, i + 1, day(nearestWeekday(pub, wd, future)), graph.PrecisionDay, toks[i]})
		case months[w] != 0 && (len(w) > 3 || i+1 < len(lower)) && toks[i] != lower[i]:
			m := months[w]
			// "July 16", "July 16, 2018", "July 2018", "in June"
			if i+1 < len(lower) {
				if d, ok := num(lower[i+1]); ok && d >= 1 && d <= 31 {
					y, j := yearFor(pub, m, future), i+2
					if j+1 < len(lower) && lower[j] == "," {
						if yy, ok := num(lower[j+1]); ok && yy > 1900 && yy < 2200 {
							y, j = yy, j+2
						}
					}
					out = append(out, dateExpr{i, j, day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)), graph.PrecisionDay, strings.Join(toks[i:j], " ")})
					i = j - 1
					continue
				}
				if yy, ok := num(lower[i+1]); ok && yy > 1900 && yy < 2200 {
					out = append(out, dateExpr{i, i + 2, time.Date(yy, m, 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), graph.PrecisionMonth, strings.Join(toks[i:i+2], " ")})
					i++
					continue
				}
			}
			if w == "may" && (i == 0 || lower[i-1] != "in") {
				continue // the modal verb
			}
			y := yearFor(pub, m, future)
			out = append(out, dateExpr{i, i + 1, time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), graph.PrecisionMonth, toks[i]})
		case w == "in" && i+1 < len(lower):
			if yy, ok := num(lower[i+1]); ok && yy > 1900 && yy < 2200 && len(lower[i+1]) == 4 {
				out = append(out, dateExpr{i + 1, i + 2, strconv.Itoa(yy), graph.PrecisionYear, toks[i+1]})
				i++
			}
		default:
			// "2 April 2020", "16 July"
			if d, ok := num(w); ok && d >= 1 && d <= 31 && i+1 < len(lower) && months[lower[i+1]] != 0 && toks[i+1] != lower[i+1] {
				m := months[lower[i+1]]
				y, j := yearFor(pub, m, future), i+2
				if j < len(lower) {
					if yy, ok := num(lower[j]); ok && yy > 1900 && yy < 2200 {
						y, j = yy, j+1
					}
				}
				out = append(out, dateExpr{i, j, day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)), graph.PrecisionDay, strings.Join(toks[i:j], " ")})
				i = j - 1
			}
		}
	}
	return out
}

func mondayOf(t time.Time) time.Time {
	off := (int(t.Weekday()) + 6) % 7
	return t.AddDate(0, 0, -off)
}

// nearestWeekday returns the last such weekday on or before pub, or the next one after it.
func nearestWeekday(pub time.Time, wd time.Weekday, future bool) time.Time {
	if future {
		d := (int(wd) - int(pub.Weekday()) + 7) % 7
		if d == 0 {
			d = 7
		}
		return pub.AddDate(0, 0, d)
	}
	d := (int(pub.Weekday()) - int(wd) + 7) % 7
	return pub.AddDate(0, 0, -d)
}

// yearFor places a month without a year in the year the tense implies.
func yearFor(pub time.Time, m time.Month, future bool) int {
	y := pub.Year()
	if future && m < pub.Month() {
		return y + 1
	}
	if !future && m > pub.Month() {
		return y - 1
	}
	return y
}

// date picks the time expression nearest the cue in its sentence; without one, the
// article's publication date stands in (date_source "published").
func (x *extraction) date(s *sent, f *found, status graph.Status) (string, string, string) {
	pubs := x.d.Meta.Published
	pub, err := time.Parse("2006-01-02", pubs)
	if err != nil {
		return "", "", ""
	}
	exprs := s.datesFor(pub, status == graph.StatusPlanned)
	best, bestD := -1, 1<<30
	for k, e := range exprs {
		d := e.ti - f.j
		if e.tj <= f.i {
			d = f.i - e.tj
		}
		if d < 0 {
			d = 0
		}
		if d < bestD {
			best, bestD = k, d
		}
	}
	if best >= 0 {
		e := exprs[best]
		return e.date, e.prec, e.phrase
	}
	return pubs, graph.PrecisionDay, "published"
}

func hasWeekday(w string) bool { _, ok := weekdays[w]; return ok }
