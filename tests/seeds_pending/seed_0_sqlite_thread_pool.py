# Seed 000: sqlite3 queries from a thread pool.
# Needs: sqlite3 (a C extension that releases the GIL), concurrent.futures,
# and an example.db containing big_table(some_data, some_condition).
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

def query_db(thread_id):
    # This connection is per-thread, which is important!
    conn = sqlite3.connect('example.db')
    # The actual query execution happens in C code, which RELEASES the GIL.
    result = conn.execute('SELECT some_data FROM big_table WHERE some_condition').fetchall()
    print(f"Thread {thread_id} got {len(result)} results")
    conn.close()

# Using a thread pool to run several queries
with ThreadPoolExecutor(max_workers=4) as executor:
    executor.map(query_db, range(4))
