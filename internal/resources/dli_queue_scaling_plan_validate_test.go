package resources

import (
	"testing"
	"time"
)

// planCanRun allows for any time zone of the schedule: a day just outside the window in
// UTC may be inside it in the region's time zone. 2027-01-04 is a Monday.
func TestPlanCanRun(t *testing.T) {
	day := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	monday, tuesday := day("2027-01-04T00:00:00Z"), day("2027-01-05T00:00:00Z")
	for _, c := range []struct {
		name         string
		begin, end   time.Time
		hour, minute int
		days         []string
		want         bool
	}{
		{"the day itself", monday, tuesday, 8, 0, []string{"MONDAY"}, true},
		{"a day far off", monday, tuesday, 8, 0, []string{"THURSDAY"}, false},
		{"Sunday late, UTC-12", monday, tuesday, 23, 0, []string{"SUNDAY"}, true},
		{"Tuesday early, UTC+14", monday, tuesday, 6, 0, []string{"TUESDAY"}, true},
		{"Tuesday midday, beyond any zone", monday, tuesday, 15, 0, []string{"TUESDAY"}, false},
		{"a whole week", monday, monday.AddDate(0, 0, 8), 8, 0, []string{"FRIDAY"}, true},
	} {
		if got := planCanRun(c.begin, c.end, c.hour, c.minute, c.days); got != c.want {
			t.Errorf("%s: planCanRun = %t, want %t", c.name, got, c.want)
		}
	}
}
