package schema

import (
	"fmt"
	"strconv"
	"time"
)

func run0() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }

func fmtAny(v any) string {
	switch x := v.(type) {
	case []byte:
		return string(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	default:
		return fmt.Sprint(x)
	}
}
