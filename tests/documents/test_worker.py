"""The queue lives in the database: an upload through REST answers before any conversion, the worker thread of
the process converts it; two workers on one database convert each document once; a job left by a stopped process is
taken again; a failure that may pass is retried, then reported."""

from .conftest import add_file
from .conftest import reason
from collective.deliberations.documents import queue as jobs
from collective.deliberations.documents.lanes import start_worker
from collective.deliberations.documents.status import get_status
from collective.deliberations.documents.worker import Runner
from plone import api
from ZODB.POSException import ConflictError

import base64
import pytest
import socket
import subprocess
import threading
import time
import transaction


def upload(session, path, filename, content_type="application/pdf"):
    payload = {
        "@type": "File",
        "title": filename,
        "file": {
            "data": base64.b64encode(path.read_bytes()).decode(),
            "encoding": "base64",
            "filename": filename,
            "content-type": content_type,
        },
    }
    response = session.post("/documents", json=payload)
    assert response.status_code == 201, response.text
    return response.json()["@id"]


def wait_for(session, url, state, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status = session.get(f"{url}/@conversion").json()
        if status["state"] == state:
            return status
        time.sleep(0.5)
    raise AssertionError(f"still {status} after {seconds} s")


def test_upload_waits_and_the_worker_thread_converts(folder, functional, manager_request, request_factory, samples):
    url = upload(manager_request, samples["text.pdf"], "rapport.pdf")
    status = manager_request.get(f"{url}/@conversion").json()
    assert (status["state"], status["label"]) == ("pending", "En attente de conversion")
    page = request_factory(role="Manager", api=False).get(url + "/view").text
    assert 'data-state="pending"' in page and "En attente de conversion" in page

    worker = start_worker(functional["zodbDB"], interval=0.5)
    try:
        status = wait_for(manager_request, url, "converted")
    finally:
        worker.stop()
        worker.join(30)
    assert (status["label"], status["pages"], status["attempts"]) == ("Converti", 2, 1)
    page = request_factory(role="Manager", api=False).get(url + "/view").text
    assert 'data-state="converted"' in page and "Converti" in page
    found = manager_request.get("/@search", params={"SearchableText": "Zorglubienne"}).json()
    assert [item["@id"] for item in found["items"]] == [url]


def test_a_claim_made_by_two_processes_at_once_conflicts(folder, functional, samples):
    document = add_file(folder, samples["text.pdf"].read_bytes(), "a.pdf")
    uid, path = document.UID(), folder.getPhysicalPath()[:-1]
    connections = []
    for name in ("process-a", "process-b"):
        manager = transaction.TransactionManager()
        connection = functional["zodbDB"].open(transaction_manager=manager)
        manager.begin()
        portal = connection.root()["Application"].unrestrictedTraverse(path)
        jobs.claim(jobs.queue_of(portal)[uid], name)
        connections.append((manager, connection))
    try:
        connections[0][0].commit()
        with pytest.raises(ConflictError):
            connections[1][0].commit()
    finally:
        for manager, connection in connections:
            manager.abort()
            connection.close()
    transaction.begin()
    assert jobs.queue_of(folder.aq_parent)[uid].claimed_by == "process-a"


def test_two_workers_on_one_database_convert_each_document_once(folder, functional, runner, samples):
    documents = [add_file(folder, samples["text.pdf"].read_bytes(), f"acte-{n}.pdf") for n in range(4)]
    transaction.commit()
    workers = [Runner(functional["zodbDB"]), Runner(functional["zodbDB"])]
    start = threading.Barrier(2)

    def work(worker):
        start.wait()
        worker.run_pending()

    threads = [threading.Thread(target=work, args=(worker,)) for worker in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    transaction.begin()
    assert sum(worker.converted for worker in workers) == 4
    assert [get_status(d)["state"] for d in documents] == ["converted"] * 4
    assert [get_status(d)["attempts"] for d in documents] == [1] * 4
    assert runner() == 0  # nothing left in the queue


def test_a_job_left_by_a_stopped_process_is_taken_again(folder, runner, samples):
    gone = subprocess.Popen(["true"])
    gone.wait()
    stopped = add_file(folder, samples["text.pdf"].read_bytes(), "stopped.pdf")
    elsewhere = add_file(folder, samples["text.pdf"].read_bytes(), "elsewhere.pdf")
    queue = jobs.queue_of(api.portal.get())
    jobs.claim(queue[stopped.UID()], f"{socket.gethostname()}:{gone.pid}:1")  # this machine, process gone
    jobs.claim(queue[elsewhere.UID()], "other-machine:4242:1")  # another machine, lease still running
    assert runner() == 1
    assert get_status(stopped)["state"] == "converted"
    assert get_status(elsewhere)["state"] == "pending"
    queue[elsewhere.UID()].claimed_until = time.time() - 1  # its lease ran out: the process is presumed dead
    assert runner() == 1
    assert get_status(elsewhere)["state"] == "converted"


def test_libreoffice_over_the_time_limit_is_stopped_once_and_reported(folder, runner, samples):
    """Not 4 runs of 300 s each: one run, stopped at the time limit of the settings, and a status that says it."""
    api.portal.set_registry_record("collective.deliberations.conversion.max_seconds", 1)  # LibreOffice needs more
    document = add_file(folder, samples["office.odt"].read_bytes(), "note.odt")
    started = time.monotonic()
    assert runner() == 1
    assert time.monotonic() - started < 15
    status = get_status(document)
    assert (status["state"], status["attempts"]) == ("failed", 1)
    assert reason(document) == (
        "Conversion interrompue après 1 s : le document demande trop de temps. Il reste téléchargeable."
    )
    assert document.UID() not in jobs.queue_of(api.portal.get())

    api.portal.set_registry_record("collective.deliberations.conversion.max_seconds", 600)
    from collective.deliberations.documents.subscribers import queue_conversion

    queue_conversion(document)  # the secretariat asks for a new attempt
    assert runner() == 1
    assert get_status(document)["state"] == "converted"


def test_a_job_cut_short_again_and_again_is_given_up(folder, runner, samples):
    """A document whose every run ended with its process (killed, out of memory...) is not taken up forever."""
    gone = subprocess.Popen(["true"])
    gone.wait()
    document = add_file(folder, samples["text.pdf"].read_bytes(), "poison.pdf")
    job = jobs.queue_of(api.portal.get())[document.UID()]
    for _run in range(3):  # three runs, each in a process that died during it
        jobs.claim(job, f"{socket.gethostname()}:{gone.pid}:1")
    assert runner() == 1
    status = get_status(document)
    assert (status["state"], status["attempts"]) == ("failed", 3)
    assert reason(document) == (
        "Conversion abandonnée : elle a été interrompue 3 fois (arrêt du serveur pendant la conversion). Le fichier"
        " reste téléchargeable ; remplacez-le pour réessayer."
    )
    assert document.UID() not in jobs.queue_of(api.portal.get())
