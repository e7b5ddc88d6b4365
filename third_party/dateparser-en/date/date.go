// Package date holds the result type of the parser, with the same names and fields as
// github.com/markusmobius/go-dateparser/date so that callers compile unchanged.
package date

import "time"

// Period is the precision of a parsed date.
type Period uint8

// Precisions, finest first.
const (
	None Period = iota
	Second
	Minute
	Hour
	Day
	Month
	Year
)

var periodString = [...]string{"", "Second", "Minute", "Hour", "Day", "Month", "Year"}

func (p Period) String() string {
	if int(p) < len(periodString) {
		return periodString[p]
	}
	return ""
}

// IsTime reports whether the precision is finer than a day.
func (p Period) IsTime() bool { return p == Second || p == Minute || p == Hour }

// Date is a parsed time, its precision and the locale that parsed it ("en").
type Date struct {
	Locale string
	Period Period
	Time   time.Time
}

// IsZero reports whether the date is empty.
func (d Date) IsZero() bool { return d.Period == None || d.Time.IsZero() }
