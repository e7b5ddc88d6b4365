package clean

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

const monthRe = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`

var (
	// 2024-11-23, 2024/11/23 (also the date part of 2024-11-23T10:00:00Z)
	reISO = regexp.MustCompile(`(?:^|[^\d])((\d{4})[-/.](\d{1,2})[-/.](\d{1,2}))(?:[^\d]|$)`)
	// 23 November 2024, 02 April 2020 (also glued after a time zone: "GMT02 April 2020"),
	// 23rd of Nov. 2024
	reDMY = regexp.MustCompile(`(?i)(?:^|[^\d])((\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRe + `\.?,?\s+(\d{4}))(?:[^\d]|$)`)
	// November 23, 2024; Nov. 23 2024
	reMDY = regexp.MustCompile(`(?i)(?:^|[^\pL])(` + monthRe + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))(?:[^\d]|$)`)
	// 23/11/2024, 23.11.2024 (only when the day is > 12, so the order is unambiguous)
	reNum = regexp.MustCompile(`(?:^|[^\d])((\d{1,2})[./](\d{1,2})[./](\d{4}))(?:[^\d]|$)`)

	// what may surround a date on a dateline: clock times, zones, weekdays, "updated" ...
	reDateNoise = regexp.MustCompile(`(?i)\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b(?:gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|cst|cdt|mst|mdt|pst|pdt|ist|et|pt)(?:[+-]\d{1,2})?\b|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?|\b(?:updated|published|posted|last|modified|on|at|am|pm)\b|[|•·,:;()\-–—/]`)

	// An agency dateline opening the first paragraph: "WASHINGTON, Nov 23 (Reuters) - ",
	// "KYIV, Ukraine, Nov. 23, 2024 (AP) — ", "BRUSSELS (AFP) - ". It needs an upper-case
	// place and a date or an agency in parentheses.
	rePrefixDateline = regexp.MustCompile(`^\p{Lu}[\p{Lu}'’.\-]+(?:[ \-]\p{Lu}[\p{Lu}'’.\-]+){0,3}` +
		`(?:,\s*\p{Lu}[\pL'’.\-]+(?:\s\p{Lu}[\pL'’.\-]+){0,2}){0,2}` +
		`(?:,?\s+(?i:(` + monthRe + `\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+` + monthRe + `\.?(?:\s+\d{4})?)))?` +
		`(?:\s*(\([\pL][\pL .&/\-]{0,30}\)))?` +
		`\s*[-–—]+\s+`)
)

var months = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

func monthOf(s string) time.Month {
	s = strings.ToLower(s)
	if len(s) < 3 {
		return 0
	}
	return months[s[:3]]
}

// ymd validates a calendar date and formats it as YYYY-MM-DD.
func ymd(y int, m time.Month, d int) (string, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != m {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// FindDate returns the first full date (day, month and year) in s as YYYY-MM-DD, with
// its byte range in s. Dates without a year ("Nov 23") and ambiguous numeric dates
// (03/04/2024) are not full dates.
func FindDate(s string) (date string, start, end int, ok bool) {
	best := -1
	try := func(re *regexp.Regexp, conv func(m []string) (string, bool)) {
		loc := re.FindStringSubmatchIndex(s)
		if loc == nil || (best >= 0 && loc[2] >= best) {
			return
		}
		m := make([]string, len(loc)/2)
		for i := range m {
			if loc[2*i] >= 0 {
				m[i] = s[loc[2*i]:loc[2*i+1]]
			}
		}
		if d, good := conv(m); good {
			date, start, end, ok, best = d, loc[2], loc[3], true, loc[2]
		}
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	try(reISO, func(m []string) (string, bool) { return ymd(atoi(m[2]), time.Month(atoi(m[3])), atoi(m[4])) })
	try(reDMY, func(m []string) (string, bool) { return ymd(atoi(m[4]), monthOf(m[3]), atoi(m[2])) })
	try(reMDY, func(m []string) (string, bool) { return ymd(atoi(m[4]), monthOf(m[2]), atoi(m[3])) })
	try(reNum, func(m []string) (string, bool) {
		a, b := atoi(m[2]), atoi(m[3])
		switch {
		case a > 12 && b <= 12:
			return ymd(atoi(m[4]), time.Month(b), a)
		case b > 12 && a <= 12:
			return ymd(atoi(m[4]), time.Month(a), b)
		}
		return "", false
	})
	return
}

// datelineLine reports whether a whole line is a dateline: a full date with little else
// around it (times, zones, weekdays, "Updated", a short byline). It returns the date.
func datelineLine(s string) (string, bool) {
	if len(s) > 120 || strings.Contains(s, "://") || strings.Contains(s, "www.") {
		return "", false
	}
	date, st, en, ok := FindDate(s)
	if !ok {
		return "", false
	}
	rest := reDateNoise.ReplaceAllString(s[:st]+" "+s[en:], " ")
	words := 0
	for _, f := range strings.Fields(rest) {
		if strings.IndexFunc(f, isLetterOrDigit) >= 0 {
			words++
		}
	}
	if words > 6 {
		return "", false
	}
	return date, true
}

// prefixDateline returns the length of an agency dateline opening s, and the full date in
// it if it has a year.
func prefixDateline(s string) (n int, date string) {
	loc := rePrefixDateline.FindStringSubmatchIndex(s)
	if loc == nil {
		return 0, ""
	}
	hasDate, hasAgency := loc[2] >= 0, loc[len(loc)-2] >= 0
	if !hasDate && !hasAgency {
		return 0, ""
	}
	if hasDate {
		if d, _, _, ok := FindDate(s[loc[2]:loc[3]]); ok {
			date = d
		}
	}
	return loc[1], date
}
