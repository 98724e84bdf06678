# Seed 001: I/O-bound URL fetching, sequential and threaded.
# Needs: threading, the third-party `requests` package and network access;
# prints timings.  As a test it would need a local server (or a stand-in
# fetch_url that sleeps) and compare only the fetched lengths.
import threading
import time
import requests

def fetch_url(url):
    """Fetch a URL (I/O-bound operation)."""
    response = requests.get(url)
    return len(response.content)

urls = [
    "https://example.com",
    "https://example.org",
    "https://example.net",
] * 10

# Sequential execution
start = time.time()
for url in urls:
    fetch_url(url)
print(f"Sequential: {time.time() - start:.2f}s")

# Threaded execution
start = time.time()
threads = []
for url in urls:
    t = threading.Thread(target=fetch_url, args=(url,))
    threads.append(t)
    t.start()

for t in threads:
    t.join()

print(f"Threaded: {time.time() - start:.2f}s")
