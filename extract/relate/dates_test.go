package relate

import (
	"strings"
	"testing"
	"time"
)

func TestDates(t *testing.T) {
	pub := time.Date(2024, 11, 23, 0, 0, 0, 0, time.UTC) // a Saturday
	cases := []struct {
		text   string
		future bool
		date   string
		prec   string
	}{
		{"The meeting took place on Friday", false, "2024-11-22", "day"},
		{"They will meet on Friday", true, "2024-11-29", "day"},
		{"He met the minister last week", false, "2024-11-11", "week"},
		{"The summit is next month", true, "2024-12", "month"},
		{"It was agreed last month", false, "2024-10", "month"},
		{"set to take place on July 16 in Helsinki", true, "2025-07-16", "day"},
		{"He arrived in Brussels on April 3", false, "2024-04-03", "day"},
		{"on 02 April 2020", false, "2020-04-02", "day"},
		{"on July 16 , 2018", false, "2018-07-16", "day"},
		{"Leaders will decide in June", true, "2025-06", "month"},
		{"The UK chaired the meeting in February", false, "2024-02", "month"},
		{"They spoke yesterday", false, "2024-11-22", "day"},
		{"It happened in 2019", false, "2019", "year"},
		{"earlier this month", false, "2024-11", "month"},
	}
	for _, c := range cases {
		got := Dates(strings.Fields(c.text), pub, c.future)
		if len(got) == 0 {
			t.Errorf("%q: no date found, want %s", c.text, c.date)
			continue
		}
		if got[0].date != c.date || got[0].prec != c.prec {
			t.Errorf("%q: got %s (%s), want %s (%s)", c.text, got[0].date, got[0].prec, c.date, c.prec)
		}
	}
	// Not dates: the modal "may", a bare number, a month word in lower case.
	for _, s := range []string{"Ukraine may have to make concessions", "Zelensky, 46, met Trump", "they march on"} {
		if got := Dates(strings.Fields(s), pub, false); len(got) > 0 {
			t.Errorf("%q: unexpected date %+v", s, got)
		}
	}
}
