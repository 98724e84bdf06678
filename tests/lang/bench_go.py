# go: a Monte Carlo tree search (UCT) player of the game of Go on a 9x9
# board, playing against itself; written for conch in the style of the
# classic benchmark.  Stones form chains kept in a union-find forest with a
# pseudo-liberty count per chain; Zobrist hashing rejects moves that repeat
# a position; every computer move runs a fixed number of random playouts
# through an upper-confidence tree.  `random` is seeded with an integer, so
# each move, count and hash is the same under CPython and conch.

import math
import random

SIZE = 9
POINTS = SIZE * SIZE
KOMI = 7.5
EMPTY, BLACK, WHITE = 0, 1, 2
PASS = -1
SHOW = ".xo"
COLUMNS = "ABCDEFGHJ"  # Go boards skip the letter I
MAX_GAME_MOVES = POINTS * 3
CANDIDATES = 8  # moves a tree node considers (random ones: a cheap prior)


def opponent(color):
    return 3 - color


def coord(pos):
    if pos == PASS:
        return "pass"
    y, x = divmod(pos, SIZE)
    return "%s%d" % (COLUMNS[x], SIZE - y)


def make_neighbours():
    table = []
    for pos in range(POINTS):
        y, x = divmod(pos, SIZE)
        near = []
        for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            nx, ny = x + dx, y + dy
            if 0 <= nx < SIZE and 0 <= ny < SIZE:
                near.append(ny * SIZE + nx)
        table.append(tuple(near))
    return table


NEIGHBOURS = make_neighbours()


class Zobrist:
    """One random key per (point, colour); a position's hash is the xor of
    the keys of its stones."""

    def __init__(self):
        self.keys = [[0, random.randrange(1 << 60), random.randrange(1 << 60)]
                     for _ in range(POINTS)]

    def key(self, pos, color):
        return self.keys[pos][color]


class EmptySet:
    """The empty points, with O(1) add, remove and pick-at-random."""

    def __init__(self):
        self.points = list(range(POINTS))
        self.index = list(range(POINTS))

    def __len__(self):
        return len(self.points)

    def copy(self):
        other = EmptySet.__new__(EmptySet)
        other.points = self.points[:]
        other.index = self.index[:]
        return other

    def add(self, pos):
        self.index[pos] = len(self.points)
        self.points.append(pos)

    def remove(self, pos):
        i = self.index[pos]
        last = self.points.pop()
        if last != pos:
            self.points[i] = last
            self.index[last] = i

    def pick(self, i):
        return self.points[i]


class Board:
    def __init__(self, zobrist):
        self.zobrist = zobrist
        self.color = [EMPTY] * POINTS
        self.parent = list(range(POINTS))
        self.libs = [0] * POINTS
        self.empty = EmptySet()
        self.to_move = BLACK
        self.ko = PASS
        self.passes = 0
        self.moves = 0
        self.captures = [0, 0, 0]
        self.hash = 0
        self.history = {0}

    def copy(self):
        b = Board.__new__(Board)
        b.zobrist = self.zobrist
        b.color = self.color[:]
        b.parent = self.parent[:]
        b.libs = self.libs[:]
        b.empty = self.empty.copy()
        b.to_move = self.to_move
        b.ko = self.ko
        b.passes = self.passes
        b.moves = self.moves
        b.captures = self.captures[:]
        b.hash = self.hash
        b.history = self.history  # shared: playouts only read it
        return b

    def find(self, pos):
        parent = self.parent
        root = pos
        while parent[root] != root:
            root = parent[root]
        while parent[pos] != root:  # path compression
            parent[pos], pos = root, parent[pos]
        return root

    def finished(self):
        return self.passes >= 2 or self.moves >= MAX_GAME_MOVES

    # -- legality ---------------------------------------------------------

    def legal(self, pos):
        """Not occupied, not the ko point, not suicide."""
        if self.color[pos] != EMPTY or pos == self.ko:
            return False
        me = self.to_move
        seen = {}
        for n in NEIGHBOURS[pos]:
            c = self.color[n]
            if c == EMPTY:
                return True
            root = self.find(n)
            seen[root] = seen.get(root, 0) + 1
        own = 0
        for root, touching in seen.items():
            left = self.libs[root] - touching
            if self.color[root] == me:
                own += left
            elif left == 0:
                return True  # captures: always legal
        return own > 0

    def is_eye(self, pos, color):
        """An empty point whose neighbours are all `color` (a one-point eye
        that a random player should not fill)."""
        for n in NEIGHBOURS[pos]:
            if self.color[n] != color:
                return False
        return True

    def useful(self, pos):
        return self.legal(pos) and not self.is_eye(pos, self.to_move)

    # -- playing ----------------------------------------------------------

    def play(self, pos):
        me = self.to_move
        self.moves += 1
        self.to_move = opponent(me)
        if pos == PASS:
            self.passes += 1
            self.ko = PASS
            return
        self.passes = 0
        self.place(pos, me)
        captured = []
        for n in NEIGHBOURS[pos]:
            if self.color[n] == opponent(me) and self.libs[self.find(n)] == 0:
                captured.extend(self.remove_chain(n))
        root = self.find(pos)
        if len(captured) == 1 and self.libs[root] == 1 and self.chain_size(root) == 1:
            self.ko = captured[0]
        else:
            self.ko = PASS
        self.captures[me] += len(captured)

    def place(self, pos, me):
        self.color[pos] = me
        self.parent[pos] = pos
        self.empty.remove(pos)
        self.hash ^= self.zobrist.key(pos, me)
        libs = 0
        for n in NEIGHBOURS[pos]:
            c = self.color[n]
            if c == EMPTY:
                libs += 1
                continue
            root = self.find(n)
            if root == pos:  # a second touch of a chain merged above
                libs -= 1
                continue
            self.libs[root] -= 1
            if c == me:
                libs += self.libs[root]
                self.parent[root] = pos
        self.libs[pos] = libs

    def remove_chain(self, start):
        color = self.color[start]
        stack = [start]
        removed = []
        self.color[start] = EMPTY
        while stack:
            p = stack.pop()
            removed.append(p)
            for n in NEIGHBOURS[p]:
                if self.color[n] == color:
                    self.color[n] = EMPTY
                    stack.append(n)
        for p in removed:
            self.hash ^= self.zobrist.key(p, color)
            self.parent[p] = p
            self.empty.add(p)
        for p in removed:  # each neighbouring stone gains a liberty
            for n in NEIGHBOURS[p]:
                if self.color[n] != EMPTY:
                    self.libs[self.find(n)] += 1
        return removed

    def chain_size(self, root):
        return sum(1 for p in range(POINTS)
                   if self.color[p] != EMPTY and self.find(p) == root)

    def random_move(self):
        """A random useful move, or PASS when none is left."""
        n = len(self.empty)
        if n == 0:
            return PASS
        start = random.randrange(n)
        for k in range(n):
            pos = self.empty.pick((start + k) % n)
            if self.useful(pos):
                return pos
        return PASS

    def playout(self):
        while not self.finished():
            self.play(self.random_move())

    # -- scoring ----------------------------------------------------------

    def score(self, color):
        """Area score: stones plus one-colour-bordered empty points."""
        total = KOMI if color == WHITE else 0.0
        for pos in range(POINTS):
            c = self.color[pos]
            if c == color:
                total += 1
            elif c == EMPTY:
                owner = None
                for n in NEIGHBOURS[pos]:
                    nc = self.color[n]
                    if nc == EMPTY:
                        owner = 0
                        break
                    if owner is None:
                        owner = nc
                    elif owner != nc:
                        owner = 0
                        break
                if owner == color:
                    total += 1
        return total

    def winner(self):
        return BLACK if self.score(BLACK) > self.score(WHITE) else WHITE

    def check(self):
        """Invariants: every chain's pseudo-liberties are recounted from
        scratch; the empty set matches the colours; the hash matches."""
        counted = [0] * POINTS
        h = 0
        for pos in range(POINTS):
            c = self.color[pos]
            if c == EMPTY:
                continue
            h ^= self.zobrist.key(pos, c)
            root = self.find(pos)
            assert self.color[root] == c
            for n in NEIGHBOURS[pos]:
                if self.color[n] == EMPTY:
                    counted[root] += 1
        for pos in range(POINTS):
            if self.color[pos] != EMPTY and self.find(pos) == pos:
                assert counted[pos] == self.libs[pos], (coord(pos), counted[pos])
        assert sorted(self.empty.points) == [p for p in range(POINTS)
                                             if self.color[p] == EMPTY]
        assert h == self.hash
        return True

    def __str__(self):
        rows = []
        for y in range(SIZE):
            cells = " ".join(SHOW[self.color[y * SIZE + x]] for x in range(SIZE))
            rows.append("%d %s" % (SIZE - y, cells))
        rows.append("  " + " ".join(COLUMNS))
        return "\n".join(rows)


class Node:
    """A move in the search tree.  `mover` is the colour that played it;
    wins count the playouts through it that `mover` won."""

    __slots__ = ("pos", "mover", "wins", "visits", "children", "untried")

    def __init__(self, pos, mover):
        self.pos = pos
        self.mover = mover
        self.wins = 0
        self.visits = 0
        self.children = []
        self.untried = None

    def expand_list(self, board):
        moves = [p for p in board.empty.points if board.useful(p)]
        moves.sort()
        random.shuffle(moves)
        self.untried = moves[:CANDIDATES]

    def ucb(self, parent_visits):
        exploit = self.wins / self.visits
        explore = math.sqrt(2.0 * math.log(parent_visits) / self.visits)
        return exploit + explore

    def best_child(self):
        best = None
        best_value = -1.0
        for child in self.children:
            value = child.ucb(self.visits)
            if value > best_value:
                best, best_value = child, value
        return best

    def most_visited(self):
        best = None
        for child in self.children:
            if best is None or child.visits > best.visits:
                best = child
        return best

    def size(self):
        return 1 + sum(child.size() for child in self.children)


class Player:
    def __init__(self, playouts):
        self.playouts = playouts
        self.nodes = 0
        self.playout_moves = 0

    def choose(self, board):
        root = Node(PASS, opponent(board.to_move))
        for _ in range(self.playouts):
            self.simulate(root, board.copy())
        self.nodes += root.size()
        best = root.most_visited()
        if best is None or (best.visits >= 8 and best.wins * 10 < best.visits):
            return PASS, root  # hopeless (or nothing to play): pass
        return best.pos, root

    def simulate(self, root, board):
        node = root
        path = [root]
        while True:
            if node.untried is None:
                node.expand_list(board)
            if node.untried:
                pos = node.untried.pop()
                child = Node(pos, board.to_move)
                node.children.append(child)
                board.play(pos)
                path.append(child)
                break
            if not node.children:
                break
            node = node.best_child()
            board.play(node.pos)
            path.append(node)
        start = board.moves
        board.playout()
        self.playout_moves += board.moves - start
        winner = board.winner()
        for n in path:
            n.visits += 1
            if n.mover == winner:
                n.wins += 1


def repeats(board, pos):
    """Positional superko: would `pos` recreate an earlier position?"""
    if pos == PASS:
        return False
    trial = board.copy()
    trial.play(pos)
    return trial.hash in board.history


def play_game(game, playouts, max_moves):
    board = Board(Zobrist())
    players = {BLACK: Player(playouts), WHITE: Player(playouts)}
    while not board.finished() and board.moves < max_moves:
        mover = board.to_move
        pos, root = players[mover].choose(board)
        if repeats(board, pos):
            pos = PASS
        best = root.most_visited()
        rate = best.wins / best.visits if best is not None and best.visits else 0.0
        board.play(pos)
        board.history.add(board.hash)
        if board.moves % 8 == 0 or pos == PASS:
            print("game %d move %2d %s %-4s visits %3d rate %.3f" % (
                game, board.moves, SHOW[mover], coord(pos),
                best.visits if best is not None else 0, rate))
    board.check()
    print(board)
    black, white = board.score(BLACK), board.score(WHITE)
    print("game %d: %d moves, black %.1f white %.1f, captures %d/%d, %s wins" % (
        game, board.moves, black, white, board.captures[BLACK], board.captures[WHITE],
        "black" if black > white else "white"))
    nodes = players[BLACK].nodes + players[WHITE].nodes
    moves = players[BLACK].playout_moves + players[WHITE].playout_moves
    print("game %d: tree nodes %d, playout moves %d, hash %d" % (game, nodes, moves, board.hash))
    return board


def selftest():
    """Hand-built positions: a capture, a ko, suicide refused, an eye."""
    b = Board(Zobrist())
    # Black surrounds a white stone at B8 (pos 10) and takes it.
    for pos in (1, 10, 9, 30, 11, 31):
        b.play(pos)
    b.play(19)
    assert b.color[10] == EMPTY and b.captures[BLACK] == 1
    # White may not play into the captured point: black stones on all sides.
    assert not b.legal(10) and b.is_eye(10, BLACK)
    b.check()
    # A ko: black takes at E5 and white may not retake at once.
    k = Board(Zobrist())
    for pos in (39, 40, 31, 42, 49, 32, 80, 50):
        k.play(pos)
    k.play(41)
    assert k.ko == 40 and not k.legal(40), (k.ko, coord(k.ko))
    k.check()
    print("selftest ok: capture at %s, ko at %s" % (coord(10), coord(k.ko)))


def main():
    random.seed(20240521)
    selftest()
    total = 0
    for game in range(2):
        board = play_game(game, playouts=20, max_moves=40)
        total += board.moves
    print("total moves", total)


if __name__ == "__main__":
    main()
