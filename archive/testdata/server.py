# Loopback fixture server for archive/testdata/wget.warc.gz (see archive/testdata/README.md).
import gzip, http.server, sys

INDEX = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告</title></head><body>
<ul><li><a href="/notice.html">关于2024年学前教育情况的通报</a></li>
<li><a href="/report.txt">2023年教育经费执行情况</a></li>
<li><a href="/chunked.html">教师队伍建设情况</a></li>
<li><a href="/missing.html">已删除页面</a></li>
<li><a href="/logo.png">图标</a></li></ul></body></html>""".encode("utf-8")

NOTICE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>关于2024年学前教育情况的通报</title></head>
<body><h1>关于2024年学前教育情况的通报</h1><p>发布时间:2024-03-05</p>
<p>2023年,全区学前三年毛入园率达到92.5%,普惠性幼儿园覆盖率为88.1%。</p>
<p>全年新增公办学位1200个,投入学前教育经费4650万元。</p></body></html>""".encode("gbk")

REPORT = """2023年教育经费执行情况

一、总体情况
全区一般公共预算教育经费支出98765万元,比上年增长3.2%。
二、教师培训
全年培训教师2150人次。
""".encode("utf-8")

CHUNKED = """<html><head><meta charset="utf-8"><title>教师队伍建设情况</title></head>
<body><p>全区现有专任教师3012名,本科以上学历占比96.7%。</p></body></html>""".encode("utf-8")

class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def send(self, code, ctype, body, chunked=False):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(body), 40):
                part = body[i:i+40]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            self.wfile.write(b"0\r\n\r\n")
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        p = self.path
        if p in ("/", "/index.html"): self.send(200, "text/html; charset=utf-8", INDEX)
        elif p == "/notice.html": self.send(200, "text/html; charset=gbk", NOTICE)
        elif p == "/report.txt": self.send(200, "text/plain; charset=utf-8", REPORT)
        elif p == "/chunked.html": self.send(200, "text/html; charset=utf-8", CHUNKED, chunked=True)
        elif p == "/logo.png": self.send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(32))
        elif p == "/robots.txt": self.send(200, "text/plain", b"User-agent: *\nAllow: /\n")
        else: self.send(404, "text/html; charset=utf-8", b"<html><body>not found</body></html>")
    def log_message(self, *a): pass

http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
