package eval_test

import (
	"fmt"
	"strings"

	"github.com/govfig/govfig/extract/eval"
	"github.com/govfig/govfig/schema"
)

// A document with two gold figures and one non-figure, scored against an
// extractor that finds one figure and mistakes the year for another.
func ExampleEvaluate() {
	const text = "全区有学校10所,占比50%。今天是2023年。"
	gold, err := eval.ParseGold("gold/x.jsonl", strings.NewReader(`
{"anchor": "学校⟦10所⟧", "kind": "schools", "value": 10, "unit": "所", "normalized": 10, "base_unit": "所", "qualifier": "", "role": "level", "label": "学校", "subject": "学校", "year": 2023}
{"anchor": "占比⟦50%⟧", "kind": "percent", "value": 50, "unit": "%", "normalized": 50, "base_unit": "%", "qualifier": "", "role": "level", "label": "占比", "subject": "", "year": 2023}
{"anchor": "今天是⟦2023年⟧", "not": true}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	extractor := func(name string, body []byte) (*schema.Document, error) {
		return &schema.Document{Text: string(body), Figures: []schema.Figure{
			{Kind: schema.KindSchools, Value: 10, Unit: "所", Normalized: 10, Role: schema.RoleLevel, Label: "全区学校", Year: 2023, Text: "10所", Start: 5, End: 8},
			{Kind: schema.KindCount, Value: 2023, Normalized: 2023, Text: "2023", Start: 19, End: 23},
		}}, nil
	}
	r, err := eval.Evaluate([]eval.Case{{Name: "docs/x.txt", GoldPath: "gold/x.jsonl", Body: []byte(text), Gold: gold}}, extractor)
	if err != nil {
		fmt.Println(err)
		return
	}
	o := r.Overall
	fmt.Printf("TP %d FP %d FN %d P %.2f R %.2f F1 %.2f\n", o.TP, o.FP, o.FN, o.Precision, o.Recall, o.F1)
	fmt.Printf("label found %d/%d, non-figures hit %d\n", r.Attribute(eval.AttrLabel).Correct, r.Attribute(eval.AttrLabel).Total, len(r.NotHits))
	fmt.Println(r.CheckFloors(0.95, 0.9))
	// Output:
	// TP 1 FP 1 FN 1 P 0.50 R 0.50 F1 0.50
	// label found 1/1, non-figures hit 1
	// below the floor: overall F1 0.500 < 0.950 (P 0.500, R 0.500, 1 FP, 1 FN); percent F1 0.000 < 0.950 (P 1.000, R 0.000, 0 FP, 1 FN)
}
