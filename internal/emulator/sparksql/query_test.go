package sparksql

import (
	"strings"
	"testing"
)

func TestParseSelectAcceptsCommonShapes(t *testing.T) {
	for _, sql := range []string{
		"select 1",
		"SELECT 1 AS one, 'a' b, 2.5, true, null",
		"select * from db1.t1 where id > 3 and name like 'a%' order by id desc limit 10",
		"select t.*, count(*) as n from sales t group by t.region having count(*) > 1",
		"select case when x = 1 then 'a' else 'b' end as c from t",
		"select a[0], m['k'], coalesce(x, 0) from (select 1 as x) s",
		"select id from t1 join t2 on t1.id = t2.id",
		"select -x, not y, x is not null, x not in (1, 2), x between 1 and 3 from t",
		"insert overwrite table demo.sales_copy select * from demo.sales",
	} {
		if _, err := Parse(sql); err != nil {
			t.Errorf("Parse(%q): %v", sql, err)
		}
	}
}

func TestParseSelectRejectsSyntaxErrors(t *testing.T) {
	for sql, near := range map[string]string{
		"select 1 frm x":               "'x'",
		"select 1,":                    "end of input",
		"select from t":                "'from'",
		"select 1 from":                "end of input",
		"select count( from t":         "missing ')'",
		"select a b c from t":          "'c'",
		"insert into t select 1 frm x": "'x'",
	} {
		_, err := Parse(sql)
		if err == nil || !strings.Contains(err.Error(), near) || !strings.Contains(err.Error(), "PARSE_SYNTAX_ERROR") {
			t.Errorf("Parse(%q) = %v; want a syntax error near %s", sql, err, near)
		}
	}
}

func TestParseSelectItems(t *testing.T) {
	st, err := Parse("select 1, 'x' as s, id, t.name, count(*) from db.t t limit 2")
	if err != nil {
		t.Fatal(err)
	}
	q := st.Query
	if q == nil || q.DB != "db" || q.Table != "t" || q.Limit != 2 || len(q.Items) != 5 {
		t.Fatalf("query %+v", q)
	}
	got := []string{}
	for _, it := range q.Items {
		got = append(got, it.Text+"|"+it.Alias+"|"+it.Literal+"|"+it.Column)
	}
	want := "1||int|,'x'|s|string|,id|||id,t.name|||name,count(*)|||"
	if strings.Join(got, ",") != want || !q.Items[4].Count {
		t.Fatalf("items %q, want %q", strings.Join(got, ","), want)
	}
}
