"""The charts' floor: the start-up floor (floor_app.py) plus a bare matplotlib QtAgg
canvas drawing one line, the least an app with a chart must do.

It does what charts_probe.py does around the app's first chart, with nothing of the
app: a window shown, then matplotlib imported, one canvas made and one line drawn
(pixels, not only a scheduled paint). Prints one JSON object: the seconds from the
import to the drawn canvas (the span charts_probe.py times) and the process's peak
memory. `test_charts_bench.py` runs it turn about with the probe.

    python canvas_floor.py PATH/TO/selftrust.db
"""

from __future__ import annotations

import json
import sys
import time

from charts_probe import peak_rss_mb
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget


def main(path: str) -> None:
    app = QApplication(sys.argv[:1])
    import sqlmodel

    engine = sqlmodel.create_engine(f"sqlite:///{path}")
    with sqlmodel.Session(engine) as session:
        count = session.exec(sqlmodel.text("SELECT count(*) FROM checkin")).one()[0]
    window = QMainWindow()
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.addWidget(QLabel(f"{count} check-ins"))
    window.setCentralWidget(holder)
    window.resize(1100, 720)
    window.show()
    for _ in range(30):
        app.processEvents()
    start = time.perf_counter()
    cpu = time.process_time()
    import matplotlib

    matplotlib.use("QtAgg")
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    canvas = FigureCanvasQTAgg(Figure())
    canvas.figure.add_subplot().plot([0, 1, 2, 3], [0.2, 0.5, 0.4, 0.8])
    layout.addWidget(canvas, 1)
    app.processEvents()
    canvas.draw()
    drawn = time.perf_counter() - start
    cpu = time.process_time() - cpu
    print(json.dumps({"first_chart_s": drawn, "cpu_s": cpu, "peak_mb": peak_rss_mb()}))
    window.close()
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1])
