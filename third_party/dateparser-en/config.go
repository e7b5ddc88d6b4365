package dateparser

import (
	"fmt"
	"time"
)

// DateOrder returns the order of year, month and day ("MDY", "DMY", ...) for a locale.
type DateOrder func(locale string) string

// Fixed orders, and the default: English's own order, month first.
var (
	YMD = func(string) string { return "YMD" }
	YDM = func(string) string { return "YDM" }
	MYD = func(string) string { return "MYD" }
	MDY = func(string) string { return "MDY" }
	DYM = func(string) string { return "DYM" }
	DMY = func(string) string { return "DMY" }

	DefaultDateOrder = func(string) string { return "MDY" }
)

// PreferredDateSource selects how incomplete dates are read relative to CurrentTime.
type PreferredDateSource uint8

// Date sources.
const (
	CurrentPeriod PreferredDateSource = iota
	Past
	Future
)

// PreferredDayOfMonth selects the day of a date with no day, such as "March 2025".
type PreferredDayOfMonth uint8

// Days of month.
const (
	Current PreferredDayOfMonth = iota
	First
	Last
)

// Configuration is the subset of go-dateparser's configuration this parser honours.
type Configuration struct {
	// DateOrder orders a numeric date whose year is last ("06/03/2025"). Nil: month first.
	DateOrder DateOrder

	// CurrentTime completes incomplete dates and decides two-digit years. Zero: now, UTC.
	CurrentTime time.Time

	// DefaultTimezone is the location of the result. Nil: CurrentTime's location.
	DefaultTimezone *time.Location

	// PreferredDayOfMonth supplies a missing day (StrictParsing false).
	PreferredDayOfMonth PreferredDayOfMonth

	// PreferredDateSource supplies a missing year (StrictParsing false) and decides whether
	// a two-digit year that would lie after CurrentTime belongs to the previous century (Past).
	PreferredDateSource PreferredDateSource

	// StrictParsing requires an explicit day, month and year.
	StrictParsing bool
}

func (c *Configuration) order() (string, error) {
	if c.DateOrder == nil {
		return "MDY", nil
	}
	o := c.DateOrder("en")
	if len(o) != 3 || !containsAll(o, "YMD") {
		return "", fmt.Errorf("config error: date order %q must hold Y, M and D once each", o)
	}
	return o, nil
}

func containsAll(s, letters string) bool {
	for _, r := range letters {
		n := 0
		for _, q := range s {
			if q == r {
				n++
			}
		}
		if n != 1 {
			return false
		}
	}
	return true
}

func (c *Configuration) now() time.Time {
	if c.CurrentTime.IsZero() {
		return time.Now().UTC()
	}
	return c.CurrentTime
}

func (c *Configuration) location() *time.Location {
	if c.DefaultTimezone != nil {
		return c.DefaultTimezone
	}
	return c.now().Location()
}
