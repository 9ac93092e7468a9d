"""The start-up floor: the least a Qt + SQLModel app must do to show a window with data.

QApplication, `import sqlmodel`, one SELECT on the same database, a QMainWindow shown
and painted, then exit. `test_startup_bench.py` runs it as a whole process, turn about
with `selftrust --exit-after-startup`, and compares the two.

    python floor_app.py PATH/TO/selftrust.db
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def main(path: str) -> int:
    app = QApplication(sys.argv[:1])
    import sqlmodel

    engine = sqlmodel.create_engine(f"sqlite:///{path}")
    with sqlmodel.Session(engine) as session:
        count = session.exec(sqlmodel.text("SELECT count(*) FROM checkin")).one()[0]
    window = QMainWindow()
    window.setCentralWidget(QLabel(f"{count} check-ins"))
    window.resize(1100, 720)
    probe = FirstPaint()
    window.installEventFilter(probe)
    window.show()
    code = app.exec()
    engine.dispose()
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
