package dateparser

import (
	"time"

	"github.com/markusmobius/go-dateparser/date"
)

// parseAbsolute reads an English or numeric absolute date; the zero Date when there is none.
func parseAbsolute(cfg *Configuration, order, s string) date.Date {
	words, err := englishWords()
	if err != nil {
		return date.Date{}
	}
	p := parts{words: words}
	if !p.scan(tokenize(s)) {
		return date.Date{}
	}
	now := cfg.now()
	y, m, d, period, ok := p.ymd(cfg, order, now)
	if !ok {
		return date.Date{}
	}
	t := time.Date(y, time.Month(m), d, p.clock[0], p.clock[1], p.clock[2], 0, cfg.location())
	return date.Date{Locale: "en", Period: period, Time: t}
}

// ymd puts the numbers read in their places: year, month, day and the precision.
func (p *parts) ymd(cfg *Configuration, order string, now time.Time) (y, m, d int, period date.Period, ok bool) {
	switch {
	case p.triple != nil && p.month == 0 && len(p.nums) == 0:
		y, m, d, ok = numericDate(p.triple, cfg, order, now)
	case p.triple == nil && p.month == 0 && len(p.nums) == 3:
		y, m, d, ok = numericDate(p.nums, cfg, order, now)
	case p.triple == nil && p.month != 0 && len(p.nums) == 2:
		y, m, d, ok = namedMonthDate(p.nums, p.month, cfg, now)
	case p.triple == nil && p.month != 0 && len(p.nums) == 1 && !cfg.StrictParsing:
		y, m, d, period, ok = partialDate(p.nums[0], p.month, cfg, now)
		return y, m, d, period, ok
	}
	return y, m, d, date.Day, ok
}

// numericDate reads 2025-03-06 (year first: Y-M-D, else Y-D-M) or a/b/c with the year last, in
// the configured order (month first by default), day and month swapped when that order gives
// no valid date (13/03/2025).
func numericDate(n []number, cfg *Configuration, order string, now time.Time) (y, m, d int, ok bool) {
	if n[0].digits == 4 {
		if y, m, d, ok = valid(n[0], n[1], n[2], cfg, now); ok {
			return y, m, d, ok
		}
		return valid(n[0], n[2], n[1], cfg, now)
	}
	if order != "DMY" {
		order = "MDY"
	}
	first, second := n[0], n[1]
	if order == "DMY" {
		first, second = second, first
	}
	if y, m, d, ok = valid(n[2], first, second, cfg, now); ok {
		return y, m, d, ok
	}
	return valid(n[2], second, first, cfg, now)
}

// namedMonthDate reads the day and the year around a month name: the first number is the
// day unless it is the one that looks like a year (four digits, '25) or the other one is an
// ordinal (6th); when that gives no valid date, the other way round.
func namedMonthDate(n []number, month int, cfg *Configuration, now time.Time) (y, m, d int, ok bool) {
	day, year := n[0], n[1]
	if (n[0].digits == 4 || (n[0].apostrophe && n[0].digits == 2) || n[1].ordinal) && !n[0].ordinal {
		day, year = year, day
	}
	mon := number{v: month, digits: 2}
	if y, m, d, ok = valid(year, mon, day, cfg, now); ok {
		return y, m, d, ok
	}
	return valid(day, mon, year, cfg, now)
}

// valid checks a year, month and day and completes a two-digit year.
func valid(year, month, day number, cfg *Configuration, now time.Time) (y, m, d int, ok bool) {
	if year.ordinal || day.apostrophe || day.digits > 2 || month.digits > 2 || month.ordinal {
		return 0, 0, 0, false
	}
	if year.digits != 2 && year.digits != 4 {
		return 0, 0, 0, false
	}
	m, d, y = month.v, day.v, year.v
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) || (year.digits == 4 && y < 1) {
		return 0, 0, 0, false
	}
	if year.digits == 2 {
		y = fullYear(y, m, d, cfg, now)
		if d > daysIn(y, m) {
			return 0, 0, 0, false
		}
	}
	return y, m, d, true
}

// fullYear completes a two-digit year: with the Past preference the latest year not after
// now, otherwise 2000-2068 and 1969-1999 (as Python's strptime).
func fullYear(yy, m, d int, cfg *Configuration, now time.Time) int {
	if cfg.PreferredDateSource == Past {
		y := 2000 + yy
		if time.Date(y, time.Month(m), min(d, daysIn(y, m)), 0, 0, 0, 0, now.Location()).After(now) {
			y -= 100
		}
		return y
	}
	if yy < 69 {
		return 2000 + yy
	}
	return 1900 + yy
}

// partialDate completes "March 2025" (the preferred day) or "6 March" (the year of now,
// moved to the past or the future as preferred); StrictParsing rejects both.
func partialDate(n number, month int, cfg *Configuration, now time.Time) (y, m, d int, period date.Period, ok bool) {
	if n.digits == 4 || n.apostrophe {
		y, _, _, ok = valid(n, number{v: month, digits: 2}, number{v: 1, digits: 1}, cfg, now)
		switch cfg.PreferredDayOfMonth {
		case First:
			d = 1
		case Last:
			d = daysIn(y, month)
		default:
			d = min(now.Day(), daysIn(y, month))
		}
		return y, month, d, date.Month, ok
	}
	y = now.Year()
	if n.ordinal || n.digits <= 2 {
		t := time.Date(y, time.Month(month), n.v, 0, 0, 0, 0, now.Location())
		if cfg.PreferredDateSource == Past && t.After(now) {
			y--
		} else if cfg.PreferredDateSource == Future && t.Before(now) {
			y++
		}
	}
	y, m, d, ok = valid(number{v: y, digits: 4}, number{v: month, digits: 2}, n, cfg, now)
	return y, m, d, date.Day, ok
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
