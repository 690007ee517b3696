package crawl

// SetHookWritten sets a function called after each batch's records are
// written to the WARC file and before the batch is committed.
func SetHookWritten(f func()) { testHookWritten = f }
